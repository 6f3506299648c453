using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>The placeholder for "each element" inside <see cref="SplatExpression.Each"/>; its range is the splat marker.</summary>
public sealed class SplatItemExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public SplatItemExpression(SourceRange range)
        : base(range)
    {
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal SplatItemExpression(SourceText source, int start, int end)
        : base(source, start, end)
    {
    }
}
