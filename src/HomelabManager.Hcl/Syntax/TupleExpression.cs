using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>[a, b, c]</c>.</summary>
public sealed class TupleExpression(IReadOnlyList<ExpressionSyntax> elements, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The elements in order.</summary>
    public IReadOnlyList<ExpressionSyntax> Elements { get; } = elements;
}
