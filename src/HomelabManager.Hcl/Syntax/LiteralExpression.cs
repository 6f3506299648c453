using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A number, <c>true</c>, <c>false</c>, <c>null</c>, or a literal part of a template (a string).</summary>
public sealed class LiteralExpression(HclValue value, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The literal value.</summary>
    public HclValue Value { get; } = value;
}
