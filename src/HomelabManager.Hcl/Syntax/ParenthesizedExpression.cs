using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>(expression)</c>.</summary>
public sealed class ParenthesizedExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public ParenthesizedExpression(ExpressionSyntax expression, SourceRange range)
        : base(range)
    {
        Expression = expression;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal ParenthesizedExpression(ExpressionSyntax expression, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Expression = expression;
    }

    /// <summary>The inner expression.</summary>
    public ExpressionSyntax Expression { get; }
}
