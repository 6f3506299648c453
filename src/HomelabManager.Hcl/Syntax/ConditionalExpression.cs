using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>condition ? trueResult : falseResult</c>.</summary>
public sealed class ConditionalExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public ConditionalExpression(ExpressionSyntax condition, ExpressionSyntax trueResult, ExpressionSyntax falseResult, SourceRange range)
        : base(range)
    {
        Condition = condition;
        TrueResult = trueResult;
        FalseResult = falseResult;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal ConditionalExpression(ExpressionSyntax condition, ExpressionSyntax trueResult, ExpressionSyntax falseResult, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Condition = condition;
        TrueResult = trueResult;
        FalseResult = falseResult;
    }

    /// <summary>The condition.</summary>
    public ExpressionSyntax Condition { get; }

    /// <summary>The result when true.</summary>
    public ExpressionSyntax TrueResult { get; }

    /// <summary>The result when false.</summary>
    public ExpressionSyntax FalseResult { get; }
}
