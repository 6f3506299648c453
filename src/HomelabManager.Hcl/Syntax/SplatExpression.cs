using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>
/// <c>source[*].rest</c> (full splat) or <c>source.*.rest</c> (attribute-only splat): <see cref="Each"/> is
/// evaluated for each element of <see cref="Source"/>, with <see cref="Item"/> standing for the element.
/// </summary>
public sealed class SplatExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public SplatExpression(ExpressionSyntax source, ExpressionSyntax each, SplatItemExpression item, bool isFullSplat, SourceRange range)
        : base(range)
    {
        Source = source;
        Each = each;
        Item = item;
        IsFullSplat = isFullSplat;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="text"/>.</summary>
    internal SplatExpression(ExpressionSyntax source, ExpressionSyntax each, SplatItemExpression item, bool isFullSplat, SourceText text, int start, int end)
        : base(text, start, end)
    {
        Source = source;
        Each = each;
        Item = item;
        IsFullSplat = isFullSplat;
    }

    /// <summary>The collection.</summary>
    public ExpressionSyntax Source { get; }

    /// <summary>The traversal applied to each element (just <see cref="Item"/> when there is none).</summary>
    public ExpressionSyntax Each { get; }

    /// <summary>The element placeholder used in <see cref="Each"/>.</summary>
    public SplatItemExpression Item { get; }

    /// <summary>True for <c>[*]</c>, false for <c>.*</c>.</summary>
    public bool IsFullSplat { get; }
}
