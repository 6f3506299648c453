namespace HomelabManager.Hcl.Syntax;

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    /// <summary>- (negation)</summary>
    Negate,

    /// <summary>! (logical not)</summary>
    Not,
}
