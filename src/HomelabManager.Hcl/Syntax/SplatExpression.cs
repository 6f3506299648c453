using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>
/// <c>source[*].rest</c> (full splat) or <c>source.*.rest</c> (attribute-only splat): <see cref="Each"/> is
/// evaluated for each element of <see cref="Source"/>, with <see cref="Item"/> standing for the element.
/// </summary>
public sealed class SplatExpression(ExpressionSyntax source, ExpressionSyntax each, SplatItemExpression item, bool isFullSplat, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The collection.</summary>
    public ExpressionSyntax Source { get; } = source;

    /// <summary>The traversal applied to each element (just <see cref="Item"/> when there is none).</summary>
    public ExpressionSyntax Each { get; } = each;

    /// <summary>The element placeholder used in <see cref="Each"/>.</summary>
    public SplatItemExpression Item { get; } = item;

    /// <summary>True for <c>[*]</c>, false for <c>.*</c>.</summary>
    public bool IsFullSplat { get; } = isFullSplat;
}
