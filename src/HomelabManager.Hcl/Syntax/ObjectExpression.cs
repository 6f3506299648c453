using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>{ key = value, ... }</c>.</summary>
public sealed class ObjectExpression(IReadOnlyList<ObjectItem> items, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The items in source order.</summary>
    public IReadOnlyList<ObjectItem> Items { get; } = items;
}
