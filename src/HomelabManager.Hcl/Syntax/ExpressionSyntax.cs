using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>Base of every expression node.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    private protected ExpressionSyntax(SourceRange range)
        : base(range)
    {
    }
}
