using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>%{ if C }A%{ else }B%{ endif }</c> inside a template.</summary>
public sealed class TemplateIfExpression(ExpressionSyntax condition, TemplateExpression trueTemplate, TemplateExpression falseTemplate, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The condition.</summary>
    public ExpressionSyntax Condition { get; } = condition;

    /// <summary>The text used when the condition is true.</summary>
    public TemplateExpression TrueTemplate { get; } = trueTemplate;

    /// <summary>The text used otherwise (an empty literal when there is no else).</summary>
    public TemplateExpression FalseTemplate { get; } = falseTemplate;
}
