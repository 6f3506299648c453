using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary><c>%{ for K, V in C }X%{ endfor }</c> inside a template.</summary>
public sealed class TemplateForExpression : ExpressionSyntax
{
    /// <summary>Creates the node with an explicit range.</summary>
    public TemplateForExpression(string? keyVariable, string valueVariable, ExpressionSyntax collection, TemplateExpression body, SourceRange range)
        : base(range)
    {
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        Body = body;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal TemplateForExpression(string? keyVariable, string valueVariable, ExpressionSyntax collection, TemplateExpression body, SourceText source, int start, int end)
        : base(source, start, end)
    {
        KeyVariable = keyVariable;
        ValueVariable = valueVariable;
        Collection = collection;
        Body = body;
    }

    /// <summary>The key (or index) variable, if declared.</summary>
    public string? KeyVariable { get; }

    /// <summary>The value variable.</summary>
    public string ValueVariable { get; }

    /// <summary>The collection iterated over.</summary>
    public ExpressionSyntax Collection { get; }

    /// <summary>The repeated text.</summary>
    public TemplateExpression Body { get; }
}
