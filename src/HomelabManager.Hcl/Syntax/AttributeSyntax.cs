using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>An argument definition <c>name = expression</c>.</summary>
public sealed class AttributeSyntax(string name, SourceRange nameRange, ExpressionSyntax expression, SourceRange range) : SyntaxNode(range)
{
    /// <summary>The argument name.</summary>
    public string Name { get; } = name;

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange { get; } = nameRange;

    /// <summary>The value expression.</summary>
    public ExpressionSyntax Expression { get; } = expression;
}
