using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>(expression)</c>.</summary>
public sealed class ParenthesizedExpression(ExpressionSyntax expression, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The inner expression.</summary>
    public ExpressionSyntax Expression { get; } = expression;
}
