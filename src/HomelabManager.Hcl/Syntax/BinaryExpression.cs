using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>left op right</c>.</summary>
public sealed class BinaryExpression(ExpressionSyntax left, BinaryOperator @operator, ExpressionSyntax right, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The left operand.</summary>
    public ExpressionSyntax Left { get; } = left;

    /// <summary>The operator.</summary>
    public BinaryOperator Operator { get; } = @operator;

    /// <summary>The right operand.</summary>
    public ExpressionSyntax Right { get; } = right;
}
