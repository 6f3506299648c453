using HomelabManager.Hcl.Evaluation;

namespace HomelabManager.Hcl.Syntax;

/// <summary>One <c>key = value</c> (or <c>key: value</c>) item of an object constructor.</summary>
public sealed record ObjectItem(ExpressionSyntax Key, ExpressionSyntax Value)
{
    /// <summary>
    /// The literal key: a bare word, a quoted string without interpolation, or the text of a number,
    /// <c>true</c>, <c>false</c> or <c>null</c>; null for any other key (which must be evaluated).
    /// </summary>
    public string? KeyName => Key switch
    {
        VariableExpression variable => variable.Name,
        TemplateExpression template => template.LiteralValue,
        LiteralExpression { Value: HclNumber number } => number.ToString(),
        LiteralExpression { Value: HclBool boolean } => boolean.ToString(),
        LiteralExpression { Value: HclNull } => "null",
        _ => null,
    };
}
