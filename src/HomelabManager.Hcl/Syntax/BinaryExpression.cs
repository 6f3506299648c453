using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>left op right</c>.</summary>
public sealed class BinaryExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public BinaryExpression(ExpressionSyntax left, BinaryOperator @operator, ExpressionSyntax right, SourceRange range)
        : base(range)
    {
        Left = left;
        Operator = @operator;
        Right = right;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal BinaryExpression(ExpressionSyntax left, BinaryOperator @operator, ExpressionSyntax right, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Left = left;
        Operator = @operator;
        Right = right;
    }

    /// <summary>The left operand.</summary>
    public ExpressionSyntax Left { get; }

    /// <summary>The operator.</summary>
    public BinaryOperator Operator { get; }

    /// <summary>The right operand.</summary>
    public ExpressionSyntax Right { get; }
}
