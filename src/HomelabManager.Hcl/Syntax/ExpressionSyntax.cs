using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>Base of every expression node.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    private protected ExpressionSyntax(SourceRange range)
        : base(range)
    {
    }

    private protected ExpressionSyntax(SourceRange[] ranges)
        : base(ranges)
    {
    }

    private protected ExpressionSyntax(SourceText source, int start, int end)
        : base(source, start, end)
    {
    }
}
