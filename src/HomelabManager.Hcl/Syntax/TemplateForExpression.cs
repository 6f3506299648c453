using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>%{ for K, V in C }X%{ endfor }</c> inside a template.</summary>
public sealed class TemplateForExpression(string? keyVariable, string valueVariable, ExpressionSyntax collection, TemplateExpression body, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The key (or index) variable, if declared.</summary>
    public string? KeyVariable { get; } = keyVariable;

    /// <summary>The value variable.</summary>
    public string ValueVariable { get; } = valueVariable;

    /// <summary>The collection iterated over.</summary>
    public ExpressionSyntax Collection { get; } = collection;

    /// <summary>The repeated text.</summary>
    public TemplateExpression Body { get; } = body;
}
