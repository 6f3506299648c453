using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>{ key = value, ... }</c>.</summary>
public sealed class ObjectExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public ObjectExpression(IReadOnlyList<ObjectItem> items, SourceRange range)
        : base(range)
    {
        Items = SyntaxList.CopyOf(items);
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal ObjectExpression(SyntaxList<ObjectItem> items, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Items = items;
    }

    /// <summary>The items in source order.</summary>
    public SyntaxList<ObjectItem> Items { get; }
}
