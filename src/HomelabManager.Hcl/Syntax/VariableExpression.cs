using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A reference to a variable by name (the root of a traversal like <c>var.x</c>).</summary>
public sealed class VariableExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public VariableExpression(string name, SourceRange range)
        : base(range)
    {
        Name = name;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal VariableExpression(string name, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Name = name;
    }

    /// <summary>The variable name.</summary>
    public string Name { get; }
}
