using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>collection[key]</c>, or the legacy form <c>collection.0</c>.</summary>
public sealed class IndexExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public IndexExpression(ExpressionSyntax collection, ExpressionSyntax key, bool isLegacy, SourceRange range)
        : base(range)
    {
        Collection = collection;
        Key = key;
        IsLegacy = isLegacy;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal IndexExpression(ExpressionSyntax collection, ExpressionSyntax key, bool isLegacy, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Collection = collection;
        Key = key;
        IsLegacy = isLegacy;
    }

    /// <summary>The indexed value.</summary>
    public ExpressionSyntax Collection { get; }

    /// <summary>The key or index.</summary>
    public ExpressionSyntax Key { get; }

    /// <summary>True for the legacy <c>.N</c> form.</summary>
    public bool IsLegacy { get; }
}
