using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>-operand</c> or <c>!operand</c>.</summary>
public sealed class UnaryExpression(UnaryOperator @operator, ExpressionSyntax operand, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The operator.</summary>
    public UnaryOperator Operator { get; } = @operator;

    /// <summary>The operand.</summary>
    public ExpressionSyntax Operand { get; } = operand;
}
