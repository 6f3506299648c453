using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>-operand</c> or <c>!operand</c>.</summary>
public sealed class UnaryExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public UnaryExpression(UnaryOperator @operator, ExpressionSyntax operand, SourceRange range)
        : base(range)
    {
        Operator = @operator;
        Operand = operand;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal UnaryExpression(UnaryOperator @operator, ExpressionSyntax operand, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Operator = @operator;
        Operand = operand;
    }

    /// <summary>The operator.</summary>
    public UnaryOperator Operator { get; }

    /// <summary>The operand.</summary>
    public ExpressionSyntax Operand { get; }
}
