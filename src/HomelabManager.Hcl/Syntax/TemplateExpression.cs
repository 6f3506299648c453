using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>
/// A quoted string or heredoc. Literal parts are <see cref="LiteralExpression"/> strings (escapes decoded,
/// strip markers and heredoc indentation applied, NFC-normalised); <c>${...}</c> parts are their expression;
/// <c>%{if}</c>/<c>%{for}</c> parts are <see cref="TemplateIfExpression"/>/<see cref="TemplateForExpression"/>.
/// Also used for the branches and bodies of those directives.
/// </summary>
public sealed class TemplateExpression : ExpressionSyntax
{
    /// <summary>The parts; for a parsed plain string, made from <see cref="_literal"/> when first asked for.</summary>
    private IReadOnlyList<ExpressionSyntax>? _parts;

    /// <summary>The value of a parsed plain string (one literal part), else null.</summary>
    private readonly HclString? _literal;
    private readonly int _literalStart;
    private readonly int _literalEnd;

    /// <summary>Creates the node with an explicit range.</summary>
    public TemplateExpression(IReadOnlyList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceRange range)
        : base(range)
    {
        _parts = parts;
        Kind = kind;
        IsSingleInterpolation = isSingleInterpolation;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal TemplateExpression(IReadOnlyList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceText source, int start, int end)
        : base(source, start, end)
    {
        _parts = parts;
        Kind = kind;
        IsSingleInterpolation = isSingleInterpolation;
    }

    /// <summary>
    /// Creates a parsed plain string: one literal part with value <paramref name="literal"/> spanning
    /// <c>[literalStart, literalEnd)</c>. Its part node is only made if <see cref="Parts"/> is read.
    /// </summary>
    internal TemplateExpression(HclString literal, int literalStart, int literalEnd, TemplateKind kind, SourceText source, int start, int end)
        : base(source, start, end)
    {
        _literal = literal;
        _literalStart = literalStart;
        _literalEnd = literalEnd;
        Kind = kind;
    }

    /// <summary>The parts in order.</summary>
    public IReadOnlyList<ExpressionSyntax> Parts => _parts ?? MakeLiteralPart();

    /// <summary>Quoted, heredoc, or directive body.</summary>
    public TemplateKind Kind { get; }

    /// <summary>True for a template that is exactly one <c>${X}</c> and nothing else: its value is X's value, unconverted.</summary>
    public bool IsSingleInterpolation { get; }

    /// <summary>True when the template is one literal part (no interpolation or directive).</summary>
    public bool IsStringLiteral => _literal is not null || (!IsSingleInterpolation && Parts.Count == 1 && Parts[0] is LiteralExpression);

    /// <summary>The literal value when <see cref="IsStringLiteral"/>, otherwise null.</summary>
    public string? LiteralValue => LiteralString?.Value;

    /// <summary>The literal value as an HCL string when <see cref="IsStringLiteral"/>, otherwise null.</summary>
    internal HclString? LiteralString =>
        _literal ?? (IsStringLiteral && Parts[0] is LiteralExpression { Value: HclString text } ? text : null);

    private IReadOnlyList<ExpressionSyntax> MakeLiteralPart()
    {
        ExpressionSyntax[] parts = [new LiteralExpression(_literal!, ParsedSource!, _literalStart, _literalEnd)];
        return Interlocked.CompareExchange(ref _parts, parts, null) ?? parts;
    }
}
