using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A reference to a variable by name (the root of a traversal like <c>var.x</c>).</summary>
public sealed class VariableExpression(string name, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The variable name.</summary>
    public string Name { get; } = name;
}
