using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A number, <c>true</c>, <c>false</c>, <c>null</c>, or a literal part of a template (a string).</summary>
public sealed class LiteralExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public LiteralExpression(HclValue value, SourceRange range)
        : base(range)
    {
        Value = value;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal LiteralExpression(HclValue value, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Value = value;
    }

    /// <summary>The literal value.</summary>
    public HclValue Value { get; }
}
