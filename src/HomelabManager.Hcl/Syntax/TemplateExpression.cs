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
    /// <summary>
    /// The storage of the parts (a slice: <see cref="_first"/>, <see cref="_second"/> are its start and count); or the
    /// value of a parsed plain string (one literal part spanning <c>[_first, _second)</c>) until its part node is first
    /// asked for; then that one-part array.
    /// </summary>
    private object? _content;
    private readonly int _first;
    private readonly int _second;

    /// <summary>Creates the node with an explicit range.</summary>
    public TemplateExpression(IReadOnlyList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceRange range)
        : this(SyntaxList.CopyOf(parts), kind, isSingleInterpolation, range)
    {
    }

    private TemplateExpression(SyntaxList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceRange range)
        : base(range)
    {
        _content = parts.Storage;
        _first = parts.Start;
        _second = parts.Count;
        Kind = kind;
        IsSingleInterpolation = isSingleInterpolation;
    }

    /// <summary>Creates a parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal TemplateExpression(SyntaxList<ExpressionSyntax> parts, TemplateKind kind, bool isSingleInterpolation, SourceText source, int start, int end)
        : base(source, start, end)
    {
        _content = parts.Storage;
        _first = parts.Start;
        _second = parts.Count;
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
        _content = literal;
        _first = literalStart;
        _second = literalEnd;
        Kind = kind;
    }

    /// <summary>The parts in order.</summary>
    public SyntaxList<ExpressionSyntax> Parts => _content switch
    {
        null => default,
        LiteralExpression[] single => new SyntaxList<ExpressionSyntax>(single, 0, 1),
        HclString => MakeLiteralPart(),
        var storage => new SyntaxList<ExpressionSyntax>((object?[])storage, _first, _second),
    };

    /// <summary>Quoted, heredoc, or directive body.</summary>
    public TemplateKind Kind { get; }

    /// <summary>True for a template that is exactly one <c>${X}</c> and nothing else: its value is X's value, unconverted.</summary>
    public bool IsSingleInterpolation { get; }

    /// <summary>True when the template is one literal part (no interpolation or directive).</summary>
    public bool IsStringLiteral => _content is HclString || (!IsSingleInterpolation && Parts.Count == 1 && Parts[0] is LiteralExpression);

    /// <summary>The literal value when <see cref="IsStringLiteral"/>, otherwise null.</summary>
    public string? LiteralValue => LiteralString?.Value;

    /// <summary>The literal value as an HCL string when <see cref="IsStringLiteral"/>, otherwise null.</summary>
    internal HclString? LiteralString =>
        _content as HclString ?? (IsStringLiteral && Parts[0] is LiteralExpression { Value: HclString text } ? text : null);

    private SyntaxList<ExpressionSyntax> MakeLiteralPart()
    {
        var content = _content;
        if (content is HclString literal)
        {
            // Readers racing here agree on one array: the first to swap it in wins.
            LiteralExpression[] parts = [new LiteralExpression(literal, ParsedSource!, _first, _second)];
            content = Interlocked.CompareExchange(ref _content, parts, literal) == (object)literal ? parts : _content;
        }

        return new SyntaxList<ExpressionSyntax>((LiteralExpression[])content!, 0, 1);
    }
}
