using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key =&gt; value... if cond}</c>.</summary>
public sealed class ForExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public ForExpression(string? keyVariable, string valueVariable, ExpressionSyntax collection, ExpressionSyntax? keyExpression, ExpressionSyntax valueExpression, ExpressionSyntax? condition, bool isGrouping, bool isObject, SourceRange range)
        : base(range)
    {
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        KeyExpression = keyExpression;
        ValueExpression = valueExpression;
        Condition = condition;
        IsGrouping = isGrouping;
        IsObject = isObject;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal ForExpression(string? keyVariable, string valueVariable, ExpressionSyntax collection, ExpressionSyntax? keyExpression, ExpressionSyntax valueExpression, ExpressionSyntax? condition, bool isGrouping, bool isObject, SourceText source, int start, int end)
        : base(source, start, end)
    {
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        KeyExpression = keyExpression;
        ValueExpression = valueExpression;
        Condition = condition;
        IsGrouping = isGrouping;
        IsObject = isObject;
    }

    /// <summary>The key (or index) variable, if declared.</summary>
    public string? KeyVariable { get; }

    /// <summary>The value variable.</summary>
    public string ValueVariable { get; }

    /// <summary>The collection iterated over.</summary>
    public ExpressionSyntax Collection { get; }

    /// <summary>The key expression (object form only).</summary>
    public ExpressionSyntax? KeyExpression { get; }

    /// <summary>The value expression.</summary>
    public ExpressionSyntax ValueExpression { get; }

    /// <summary>The <c>if</c> filter, if any.</summary>
    public ExpressionSyntax? Condition { get; }

    /// <summary>True when values are grouped by key (<c>...</c>).</summary>
    public bool IsGrouping { get; }

    /// <summary>True for the object form <c>{...}</c>.</summary>
    public bool IsObject { get; }
}
