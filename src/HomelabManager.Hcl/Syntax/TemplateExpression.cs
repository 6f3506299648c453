using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>
/// A quoted string or heredoc. Literal parts are <see cref="LiteralExpression"/> strings (escapes decoded,
/// strip markers and heredoc indentation applied, NFC-normalised); <c>${...}</c> parts are their expression;
/// <c>%{if}</c>/<c>%{for}</c> parts are <see cref="TemplateIfExpression"/>/<see cref="TemplateForExpression"/>.
/// Also used for the branches and bodies of those directives.
/// </summary>
public sealed class TemplateExpression(IReadOnlyList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceRange range)
    : ExpressionSyntax(range)
{
    /// <summary>The parts in order.</summary>
    public IReadOnlyList<ExpressionSyntax> Parts { get; } = parts;

    /// <summary>Quoted, heredoc, or directive body.</summary>
    public TemplateKind Kind { get; } = kind;

    /// <summary>True for a template that is exactly one <c>${X}</c> and nothing else: its value is X's value, unconverted.</summary>
    public bool IsSingleInterpolation { get; } = isSingleInterpolation;

    /// <summary>True when the template is one literal part (no interpolation or directive).</summary>
    public bool IsStringLiteral => !IsSingleInterpolation && Parts.Count == 1 && Parts[0] is LiteralExpression;

    /// <summary>The literal value when <see cref="IsStringLiteral"/>, otherwise null.</summary>
    public string? LiteralValue =>
        IsStringLiteral && Parts[0] is LiteralExpression { Value: Evaluation.HclString text } ? text.Value : null;
}
