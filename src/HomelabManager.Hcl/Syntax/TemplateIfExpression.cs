using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>%{ if C }A%{ else }B%{ endif }</c> inside a template.</summary>
public sealed class TemplateIfExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public TemplateIfExpression(ExpressionSyntax condition, TemplateExpression trueTemplate, TemplateExpression falseTemplate, SourceRange range)
        : base(range)
    {
        Condition = condition;
        TrueTemplate = trueTemplate;
        FalseTemplate = falseTemplate;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal TemplateIfExpression(ExpressionSyntax condition, TemplateExpression trueTemplate, TemplateExpression falseTemplate, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Condition = condition;
        TrueTemplate = trueTemplate;
        FalseTemplate = falseTemplate;
    }

    /// <summary>The condition.</summary>
    public ExpressionSyntax Condition { get; }

    /// <summary>The text used when the condition is true.</summary>
    public TemplateExpression TrueTemplate { get; }

    /// <summary>The text used otherwise (an empty literal when there is no else).</summary>
    public TemplateExpression FalseTemplate { get; }
}
