using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>[a, b, c]</c>.</summary>
public sealed class TupleExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public TupleExpression(IReadOnlyList<ExpressionSyntax> elements, SourceRange range)
        : base(range)
    {
        Elements = SyntaxList.CopyOf(elements);
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal TupleExpression(SyntaxList<ExpressionSyntax> elements, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Elements = elements;
    }

    /// <summary>The elements in order.</summary>
    public SyntaxList<ExpressionSyntax> Elements { get; }
}
