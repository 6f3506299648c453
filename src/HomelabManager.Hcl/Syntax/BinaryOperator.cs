namespace HomelabManager.Hcl.Syntax;

/// <summary>Binary operators, lowest precedence first.</summary>
public enum BinaryOperator
{
    /// <summary>||</summary>
    Or,
    /// <summary>&amp;&amp;</summary>
    And,
    /// <summary>==</summary>
    Equal,
    /// <summary>!=</summary>
    NotEqual,
    /// <summary>&gt;</summary>
    GreaterThan,
    /// <summary>&gt;=</summary>
    GreaterThanOrEqual,
    /// <summary>&lt;</summary>
    LessThan,
    /// <summary>&lt;=</summary>
    LessThanOrEqual,
    /// <summary>+</summary>
    Add,
    /// <summary>-</summary>
    Subtract,
    /// <summary>*</summary>
    Multiply,
    /// <summary>/</summary>
    Divide,
    /// <summary>%</summary>
    Modulo,
}
