using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key =&gt; value... if cond}</c>.</summary>
public sealed class ForExpression(
    string? keyVariable,
    string valueVariable,
    ExpressionSyntax collection,
    ExpressionSyntax? keyExpression,
    ExpressionSyntax valueExpression,
    ExpressionSyntax? condition,
    bool isGrouping,
    bool isObject,
    SourceRange range) : ExpressionSyntax(range)
{
    /// <summary>The key (or index) variable, if declared.</summary>
    public string? KeyVariable { get; } = keyVariable;

    /// <summary>The value variable.</summary>
    public string ValueVariable { get; } = valueVariable;

    /// <summary>The collection iterated over.</summary>
    public ExpressionSyntax Collection { get; } = collection;

    /// <summary>The key expression (object form only).</summary>
    public ExpressionSyntax? KeyExpression { get; } = keyExpression;

    /// <summary>The value expression.</summary>
    public ExpressionSyntax ValueExpression { get; } = valueExpression;

    /// <summary>The <c>if</c> filter, if any.</summary>
    public ExpressionSyntax? Condition { get; } = condition;

    /// <summary>True when values are grouped by key (<c>...</c>).</summary>
    public bool IsGrouping { get; } = isGrouping;

    /// <summary>True for the object form <c>{...}</c>.</summary>
    public bool IsObject { get; } = isObject;
}
