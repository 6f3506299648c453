using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>source.name</c>.</summary>
public sealed class GetAttributeExpression(ExpressionSyntax source, string name, SourceRange nameRange, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The value the attribute is read from.</summary>
    public ExpressionSyntax Source { get; } = source;

    /// <summary>The attribute name.</summary>
    public string Name { get; } = name;

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange { get; } = nameRange;
}
