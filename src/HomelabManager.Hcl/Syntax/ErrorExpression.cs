using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A placeholder where the parser found no valid expression (a diagnostic was reported).</summary>
public sealed class ErrorExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public ErrorExpression(SourceRange range)
        : base(range)
    {
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal ErrorExpression(SourceText source, int start, int end)
        : base(source, start, end)
    {
    }
}
