using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>An argument definition <c>name = expression</c>.</summary>
public sealed class AttributeSyntax : SyntaxNode
{
    /// <summary>Creates the node with explicit ranges.</summary>
    public AttributeSyntax(string name, SourceRange nameRange, ExpressionSyntax expression, SourceRange range)
        : base([range, nameRange])
    {
        Name = name;
        Expression = expression;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>; the name is the text at its start.</summary>
    internal AttributeSyntax(string name, ExpressionSyntax expression, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Name = name;
        Expression = expression;
    }

    /// <summary>The argument name.</summary>
    public string Name { get; }

    /// <summary>The range of the name.</summary>
    public SourceRange NameRange => RangeOf(1, Start, Start + Name.Length);

    /// <summary>The value expression.</summary>
    public ExpressionSyntax Expression { get; }
}
