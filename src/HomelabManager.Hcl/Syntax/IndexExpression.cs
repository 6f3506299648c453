using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>collection[key]</c>, or the legacy form <c>collection.0</c>.</summary>
public sealed class IndexExpression(ExpressionSyntax collection, ExpressionSyntax key, bool isLegacy, SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The indexed value.</summary>
    public ExpressionSyntax Collection { get; } = collection;

    /// <summary>The key or index.</summary>
    public ExpressionSyntax Key { get; } = key;

    /// <summary>True for the legacy <c>.N</c> form.</summary>
    public bool IsLegacy { get; } = isLegacy;
}
