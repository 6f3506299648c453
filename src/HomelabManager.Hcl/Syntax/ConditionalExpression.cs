using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>condition ? trueResult : falseResult</c>.</summary>
public sealed class ConditionalExpression(ExpressionSyntax condition, ExpressionSyntax trueResult, ExpressionSyntax falseResult, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The condition.</summary>
    public ExpressionSyntax Condition { get; } = condition;

    /// <summary>The result when true.</summary>
    public ExpressionSyntax TrueResult { get; } = trueResult;

    /// <summary>The result when false.</summary>
    public ExpressionSyntax FalseResult { get; } = falseResult;
}
