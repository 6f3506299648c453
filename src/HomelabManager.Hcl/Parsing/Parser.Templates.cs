using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

internal sealed partial class Parser
{
    private enum PartKind : byte
    {
        Literal,
        Interpolation,
        If,
        For,
        Else,
        EndIf,
        EndFor,
        End,
    }

    /// <summary>One piece of a template before it becomes a node (kept in a reused scratch stack, so a value type).</summary>
    private struct TemplatePart(PartKind kind, int start, int end)
    {
        public readonly PartKind Kind = kind;

        public readonly int Start = start;

        public int End = end;

        public string Value = string.Empty;

        public ExpressionSyntax? Expression;

        public string? KeyVariable;

        public string? ValueVariable;

        /// <summary>The end, never before the start.</summary>
        public readonly int ClampedEnd => Math.Max(Start, End);

        public readonly string Name => Kind switch
        {
            PartKind.Else => "else",
            PartKind.EndIf => "endif",
            PartKind.EndFor => "endfor",
            _ => "end",
        };
    }

    private TemplateExpression ParseTemplate()
    {
        var open = Read();
        var closer = open.Kind == TokenKind.OpenQuote ? TokenKind.CloseQuote : TokenKind.CloseHeredoc;
        var flush = open.Kind == TokenKind.OpenHeredoc && open.Length > 2 && _text[open.Start + 2] == '-';
        var kind = closer == TokenKind.CloseQuote ? TemplateKind.Quoted : TemplateKind.Heredoc;

        // The common case, literal text and the closer ("text", or heredoc lines without sequences): no parts at all.
        var first = PeekIndex();
        var firstKind = _tokens[first].Kind;
        if (!flush && firstKind is TokenKind.QuotedLiteral or TokenKind.StringLiteral)
        {
            var last = LiteralRunEnd(first) - 1;
            if (_tokens[last + 1].Kind == closer)
            {
                var literal = Read();
                var value = last == first
                    ? LiteralString(literal, firstKind == TokenKind.QuotedLiteral)
                    : _names.GetString(DecodeLiteral(literal.Start, _tokens[last].End, quoted: false));
                ReadThrough(last);
                var literalEnd = Math.Max(literal.Start, _tokens[last].End);
                Read();
                return new TemplateExpression(value, literal.Start, literalEnd, kind, _source, open.Start, Math.Max(open.End, PreviousEnd));
            }
        }

        var stack = _templateParts;
        var mark = stack.Count;
        ParseTemplateParts(closer);
        if (flush)
        {
            FlushHeredoc(stack.Since(mark));
        }

        MeldLiterals(stack, mark);
        var parts = stack.Since(mark);
        var passthrough = parts.Length == 2 && parts[0].Kind == PartKind.Interpolation;
        var index = 0;
        var expressions = _expressions;
        var expressionMark = expressions.Count;
        while (parts[index].Kind != PartKind.End)
        {
            expressions.Push(ParseTemplateItem(parts, ref index));
        }

        stack.Truncate(mark);
        var end = Math.Max(open.End, PreviousEnd);
        return new TemplateExpression(PopList(expressions, expressionMark), kind, passthrough, _source, open.Start, Math.Max(open.Start, end));
    }

    private string DecodeLiteral(in Token token, bool quoted) => DecodeLiteral(token.Start, token.End, quoted);

    private string DecodeLiteral(int start, int end, bool quoted) =>
        StringLiteralDecoder.Decode(_source, start, end, quoted, _diagnostics, _names);

    /// <summary>
    /// The index after the run of heredoc line tokens starting at <paramref name="first"/> (just after it for
    /// any other literal). Lines are split only at line ends, and no escape or normal-form change spans a line
    /// end, so decoding a run at once gives what decoding its lines one by one and joining them gives.
    /// </summary>
    private int LiteralRunEnd(int first)
    {
        var end = first + 1;
        if (_tokens[first].Kind == TokenKind.StringLiteral)
        {
            while (_tokens[end].Kind == TokenKind.StringLiteral)
            {
                end++;
            }
        }

        return end;
    }

    /// <summary>Reads tokens up to and including the one at <paramref name="index"/> (no newline tokens lie between).</summary>
    private void ReadThrough(int index)
    {
        while (_previous < index)
        {
            Read();
        }
    }

    /// <summary>
    /// The string value of a literal token that is a whole template part. Short texts ("docker", "tcp") repeat and
    /// are shared; longer ones (images, paths) seldom do, and a table lookup for them costs more than it saves.
    /// </summary>
    private HclString LiteralString(in Token token, bool quoted)
    {
        var span = _text.AsSpan(token.Start, token.Length);
        if (span.Length > NameTable.MaxLength || span.IndexOfAny('\\', '$', '%') >= 0 || span.ContainsAnyInRange('\u0300', '\uFFFF'))
        {
            return _names.GetString(DecodeLiteral(token, quoted));
        }

        // Plain text below U+0300 is its own decoded, NFC form.
        return span.Length <= SharedLiteralLength ? _names.GetString(span) : new HclString(span.ToString());
    }

    /// <summary>Plain literals up to this length share one string value per distinct text.</summary>
    private const int SharedLiteralLength = 16;

    /// <summary>
    /// Pushes the parts of a template (up to and including the closer) onto <see cref="_templateParts"/>;
    /// a run of heredoc lines becomes one literal part (as melding would make it).
    /// </summary>
    private void ParseTemplateParts(TokenKind end)
    {
        var parts = _templateParts;
        var mark = parts.Count;
        var startToken = Peek();
        var trimNextLeft = false;
        var nextCanTrimPrevious = false;
        var endStart = startToken.Start;
        var endEnd = startToken.Start;
        while (true)
        {
            var next = Read();
            if (next.Kind == end)
            {
                endStart = next.Start;
                endEnd = next.End;
                break;
            }

            var trimLeft = trimNextLeft;
            trimNextLeft = false;
            var canTrimPrevious = nextCanTrimPrevious;
            nextCanTrimPrevious = false;

            switch (next.Kind)
            {
                case TokenKind.QuotedLiteral or TokenKind.StringLiteral:
                    var lastLine = _previous;
                    if (!trimLeft)
                    {
                        // Keep out the last line when a "~" sequence follows: it trims only that line.
                        lastLine = LiteralRunEnd(_previous) - 1;
                        var after = _tokens[lastLine + 1];
                        if (lastLine > _previous && after.Kind is TokenKind.TemplateInterpolation or TokenKind.TemplateControl && after.Length == 3)
                        {
                            lastLine--;
                        }
                    }

                    string value;
                    if (lastLine > _previous)
                    {
                        value = DecodeLiteral(next.Start, _tokens[lastLine].End, quoted: false);
                        ReadThrough(lastLine);
                    }
                    else
                    {
                        value = DecodeLiteral(next, next.Kind == TokenKind.QuotedLiteral);
                    }

                    if (trimLeft)
                    {
                        value = value.TrimStart();
                    }

                    parts.Push(new TemplatePart(PartKind.Literal, next.Start, PreviousEnd) { Value = value });
                    nextCanTrimPrevious = true;
                    continue;

                case TokenKind.QuotedNewline when end == TokenKind.CloseQuote:
                    // Reported by the lexer: the quoted string ends at the line break.
                    endStart = endEnd = next.Start;
                    break;

                case TokenKind.TemplateInterpolation:
                    TrimPrevious(parts, mark, next, canTrimPrevious);
                    PushNewlines(false);
                    var expression = ParseExpression();
                    var close = Peek();
                    if (close.Kind != TokenKind.TemplateSequenceEnd)
                    {
                        if (!_recovery)
                        {
                            Report(close.Kind switch
                            {
                                TokenKind.EndOfFile => HclDiagnostics.UnclosedInterpolation(_path, Range(startToken)),
                                TokenKind.Colon => HclDiagnostics.InterpolationColon(_path, Range(close)),
                                TokenKind.CloseQuote or TokenKind.OpenQuote or TokenKind.QuotedNewline when end == TokenKind.CloseQuote =>
                                    HclDiagnostics.UnclosedInterpolationInQuotes(_path, Range(startToken)),
                                _ => HclDiagnostics.InterpolationExtraCharacters(_path, Range(close)),
                            });
                        }

                        close = Recover(TokenKind.TemplateSequenceEnd);
                    }
                    else
                    {
                        Read();
                        trimNextLeft = close.Length == 2;
                    }

                    PopNewlines();
                    parts.Push(new TemplatePart(PartKind.Interpolation, next.Start, Math.Max(close.End, next.End)) { Expression = expression });
                    continue;

                case TokenKind.TemplateControl:
                    TrimPrevious(parts, mark, next, canTrimPrevious);
                    PushNewlines(false);
                    trimNextLeft = ParseDirective(next);
                    PopNewlines();
                    continue;

                default:
                    if (!_recovery)
                    {
                        Report(next.Kind == TokenKind.EndOfFile
                            ? HclDiagnostics.UnterminatedTemplateString(_path, Range(next))
                            : HclDiagnostics.UnexpectedTemplateToken(_path, Range(next)));
                    }

                    var final = next.Kind == TokenKind.EndOfFile ? next : Recover(end);
                    _recovery = true;
                    endStart = final.Start;
                    endEnd = final.End;
                    break;
            }

            break;
        }

        if (parts.Count == mark)
        {
            parts.Push(new TemplatePart(PartKind.Literal, startToken.Start, startToken.Start) { Value = string.Empty });
        }

        parts.Push(new TemplatePart(PartKind.End, endStart, endEnd));
    }

    private static void TrimPrevious(ScratchStack<TemplatePart> parts, int mark, in Token opener, bool canTrimPrevious)
    {
        if (canTrimPrevious && opener.Length == 3 && parts.Count > mark && parts[parts.Count - 1].Kind == PartKind.Literal)
        {
            ref var last = ref parts[parts.Count - 1];
            last.Value = last.Value.TrimEnd();
        }
    }

    /// <summary>Parses the inside of a <c>%{ ... }</c> sequence; returns true when it ends with <c>~}</c>.</summary>
    private bool ParseDirective(in Token opener)
    {
        var parts = _templateParts;
        var keyword = Peek();
        if (keyword.Kind != TokenKind.Identifier)
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.InvalidTemplateDirective(_path, Range(keyword)));
            }

            Recover(TokenKind.TemplateSequenceEnd);
            return false;
        }

        Read();
        var word = TextOf(keyword);
        switch (word)
        {
            case "if":
                var condition = ParseExpression();
                parts.Push(new TemplatePart(PartKind.If, opener.Start, Peek().End) { Expression = condition });
                break;
            case "else":
                parts.Push(new TemplatePart(PartKind.Else, opener.Start, Peek().End));
                break;
            case "endif":
                parts.Push(new TemplatePart(PartKind.EndIf, opener.Start, Peek().End));
                break;
            case "endfor":
                parts.Push(new TemplatePart(PartKind.EndFor, opener.Start, Peek().End));
                break;
            case "for":
                if (Peek().Kind != TokenKind.Identifier)
                {
                    if (!_recovery)
                    {
                        Report(HclDiagnostics.ForDirectiveMissingVariable(_path, Range(Peek())));
                    }

                    Recover(TokenKind.TemplateSequenceEnd);
                    return false;
                }

                string? keyName = null;
                var valueName = TextOf(Read());
                if (Peek().Kind == TokenKind.Comma)
                {
                    keyName = valueName;
                    Read();
                    if (Peek().Kind != TokenKind.Identifier)
                    {
                        if (!_recovery)
                        {
                            Report(HclDiagnostics.ForDirectiveMissingValueVariable(_path, Range(Peek())));
                        }

                        Recover(TokenKind.TemplateSequenceEnd);
                        return false;
                    }

                    valueName = TextOf(Read());
                }

                if (!IsKeyword(Peek(), "in"))
                {
                    if (!_recovery)
                    {
                        Report(HclDiagnostics.ForDirectiveMissingIn(_path, Range(Peek())));
                    }

                    Recover(TokenKind.TemplateSequenceEnd);
                    return false;
                }

                Read();
                var collection = ParseExpression();
                parts.Push(new TemplatePart(PartKind.For, opener.Start, Peek().End)
                {
                    Expression = collection,
                    KeyVariable = keyName,
                    ValueVariable = valueName,
                });
                break;
            default:
                if (!_recovery)
                {
                    Report(HclDiagnostics.InvalidTemplateKeyword(_path, Range(keyword), word, Suggest(word)));
                }

                Recover(TokenKind.TemplateSequenceEnd);
                return false;
        }

        var close = Peek();
        if (close.Kind != TokenKind.TemplateSequenceEnd)
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.DirectiveExtraCharacters(_path, Range(close), word));
            }

            Recover(TokenKind.TemplateSequenceEnd);
            return false;
        }

        Read();
        return close.Length == 2;
    }

    private static readonly string[] TemplateKeywords = ["if", "for", "else", "endif", "endfor"];

    private static string? Suggest(string given) =>
        given.Length > 64 ? null : Suggestions.ClosestMatch(given, TemplateKeywords);

    /// <summary>
    /// Removes the common leading whitespace of the lines of a <c>&lt;&lt;-</c> heredoc, as HashiCorp's parser does.
    /// A literal part may hold several lines (a merged run): each line in it is treated as the part of its own it
    /// would have been, so the result is the same as flushing line by line.
    /// </summary>
    private void FlushHeredoc(Span<TemplatePart> parts)
    {
        // Pass 1: the smallest indentation of any line start (a sequence at a line start counts as none; a line
        // of only whitespace does not count).
        var minSpaces = int.MaxValue;
        var newline = true;
        foreach (ref readonly var part in parts)
        {
            if (part.Kind == PartKind.End)
            {
                break;
            }

            if (part.Kind != PartKind.Literal)
            {
                if (newline)
                {
                    minSpaces = 0;
                }

                newline = false;
                continue;
            }

            var value = part.Value;
            var segment = 0;
            do
            {
                var end = SegmentEnd(value, segment);
                if ((segment > 0 || newline) && IsAdjustedLine(value, segment, end, out var spaces))
                {
                    minSpaces = Math.Min(minSpaces, spaces);
                }

                segment = end;
            }
            while (segment < value.Length);

            newline = value.EndsWith('\n');
        }

        if (minSpaces is 0 or int.MaxValue)
        {
            return;
        }

        // Pass 2: drop that many characters from the start of each such line.
        newline = true;
        var builder = _builder;
        foreach (ref var part in parts)
        {
            if (part.Kind == PartKind.End)
            {
                break;
            }

            if (part.Kind != PartKind.Literal)
            {
                newline = false;
                continue;
            }

            var value = part.Value;
            builder.Clear();
            var changed = false;
            var segment = 0;
            do
            {
                var end = SegmentEnd(value, segment);
                var keep = segment;
                if ((segment > 0 || newline) && IsAdjustedLine(value, segment, end, out _))
                {
                    for (var n = 0; n < minSpaces && keep < end; n++)
                    {
                        keep += char.IsHighSurrogate(value[keep]) && keep + 1 < end ? 2 : 1;
                    }

                    changed |= keep > segment;
                }

                builder.Append(value, keep, end - keep);
                segment = end;
            }
            while (segment < value.Length);

            newline = value.EndsWith('\n');
            if (changed)
            {
                part.Value = builder.ToString();
            }
        }
    }

    /// <summary>The end of the line of <paramref name="value"/> that starts at <paramref name="start"/> (after its line feed).</summary>
    private static int SegmentEnd(string value, int start)
    {
        var newline = value.IndexOf('\n', start);
        return newline < 0 ? value.Length : newline + 1;
    }

    /// <summary>
    /// True when the line <c>value[start..end]</c> at a line start takes part in flushing (it is not whitespace
    /// ending in a line feed); <paramref name="spaces"/> is its indentation in code points.
    /// </summary>
    private static bool IsAdjustedLine(string value, int start, int end, out int spaces)
    {
        spaces = CountLeadingSpaces(value, start, end, out var allSpace);
        return !(allSpace && end > start && value[end - 1] == '\n');
    }

    /// <summary>Counts leading whitespace characters (code points) of <c>value[start..end]</c>; <paramref name="allSpace"/> when nothing else follows.</summary>
    private static int CountLeadingSpaces(string value, int start, int end, out bool allSpace)
    {
        var count = 0;
        var index = start;
        while (index < end)
        {
            var c = value[index];
            int cp;
            var width = 1;
            if (char.IsHighSurrogate(c) && index + 1 < end && char.IsLowSurrogate(value[index + 1]))
            {
                cp = char.ConvertToUtf32(c, value[index + 1]);
                width = 2;
            }
            else
            {
                cp = c;
            }

            if (!IdentifierChars.IsSpace(cp))
            {
                allSpace = false;
                return count;
            }

            count++;
            index += width;
        }

        allSpace = true;
        return count;
    }

    /// <summary>Joins runs of consecutive literal parts into one part (linear time).</summary>
    private void MeldLiterals(ScratchStack<TemplatePart> stack, int mark)
    {
        var parts = stack.Since(mark);
        var write = 0;
        StringBuilder? builder = null;
        for (var read = 0; read < parts.Length; read++)
        {
            var part = parts[read];
            if (part.Kind == PartKind.Literal && read + 1 < parts.Length && parts[read + 1].Kind == PartKind.Literal)
            {
                builder ??= _builder;
                builder.Clear();
                var end = read;
                while (end < parts.Length && parts[end].Kind == PartKind.Literal)
                {
                    builder.Append(parts[end].Value);
                    end++;
                }

                part.Value = builder.ToString();
                part.End = parts[end - 1].End;
                read = end - 1;
            }

            parts[write++] = part;
        }

        stack.Truncate(mark + write);
    }

    private ExpressionSyntax ParseTemplateItem(Span<TemplatePart> parts, ref int index)
    {
        ref readonly var part = ref parts[index];
        switch (part.Kind)
        {
            case PartKind.Literal:
                index++;
                return new LiteralExpression(_names.GetString(part.Value), _source, part.Start, part.ClampedEnd);
            case PartKind.Interpolation:
                index++;
                return part.Expression!;
            case PartKind.If:
                return ParseTemplateIf(parts, ref index);
            case PartKind.For:
                return ParseTemplateFor(parts, ref index);
            default:
                index++;
                Report(HclDiagnostics.UnexpectedDirective(_path, Range(part.Start, part.End), part.Name));
                return new ErrorExpression(_source, part.Start, part.ClampedEnd);
        }
    }

    private ExpressionSyntax ParseTemplateIf(Span<TemplatePart> parts, ref int index)
    {
        var open = parts[index++];
        if (!EnterNesting(_tokens[Math.Max(0, _previous)]))
        {
            SkipTemplateParts(parts, ref index);
            return new ErrorExpression(_source, open.Start, open.ClampedEnd);
        }

        try
        {
            var items = _expressions;
            var mark = items.Count;
            SyntaxList<ExpressionSyntax>? ifParts = null;
            TemplatePart endif;
            while (true)
            {
                var next = parts[index];
                if (next.Kind == PartKind.End)
                {
                    items.Truncate(mark);
                    Report(HclDiagnostics.IfMissingEndif(_path, Range(next.Start, next.End), Range(open.Start, open.End)));
                    return new ErrorExpression(_source, next.Start, next.ClampedEnd);
                }

                if (next.Kind is PartKind.Else or PartKind.EndIf or PartKind.EndFor)
                {
                    index++;
                    if (next.Kind == PartKind.Else && ifParts is null)
                    {
                        ifParts = PopList(items, mark);
                        continue;
                    }

                    if (next.Kind == PartKind.EndIf)
                    {
                        endif = next;
                        break;
                    }

                    items.Truncate(mark);
                    Report(next.Kind == PartKind.Else
                        ? HclDiagnostics.UnexpectedElse(_path, Range(next.Start, next.End), Range(open.Start, open.End))
                        : HclDiagnostics.ExpectedEndif(_path, Range(next.Start, next.End), next.Name, Range(open.Start, open.End)));
                    return new ErrorExpression(_source, next.Start, next.ClampedEnd);
                }

                items.Push(ParseTemplateItem(parts, ref index));
            }

            SyntaxList<ExpressionSyntax> elseParts;
            if (ifParts is null)
            {
                ifParts = PopList(items, mark);
                elseParts = default;
            }
            else
            {
                elseParts = PopList(items, mark);
            }

            var trueParts = ifParts.Value.Count == 0 ? _lists.Add<ExpressionSyntax>([new LiteralExpression(HclString.Empty, _source, open.End, open.End)]) : ifParts.Value;
            if (elseParts.Count == 0)
            {
                elseParts = _lists.Add<ExpressionSyntax>([new LiteralExpression(HclString.Empty, _source, endif.Start, endif.Start)]);
            }

            var trueTemplate = new TemplateExpression(trueParts, TemplateKind.Directive, false, _source, trueParts[0].Start, Math.Max(trueParts[0].Start, trueParts[^1].End));
            var falseTemplate = new TemplateExpression(elseParts, TemplateKind.Directive, false, _source, elseParts[0].Start, Math.Max(elseParts[0].Start, elseParts[^1].End));
            return new TemplateIfExpression(open.Expression!, trueTemplate, falseTemplate, _source, open.Start, Math.Max(open.Start, endif.End));
        }
        finally
        {
            ExitNesting();
        }
    }

    private ExpressionSyntax ParseTemplateFor(Span<TemplatePart> parts, ref int index)
    {
        var open = parts[index++];
        if (!EnterNesting(_tokens[Math.Max(0, _previous)]))
        {
            SkipTemplateParts(parts, ref index);
            return new ErrorExpression(_source, open.Start, open.ClampedEnd);
        }

        try
        {
            var items = _expressions;
            var mark = items.Count;
            TemplatePart endfor;
            while (true)
            {
                var next = parts[index];
                if (next.Kind == PartKind.End)
                {
                    items.Truncate(mark);
                    Report(HclDiagnostics.ForMissingEndfor(_path, Range(next.Start, next.End), Range(open.Start, open.End)));
                    return new ErrorExpression(_source, next.Start, next.ClampedEnd);
                }

                if (next.Kind is PartKind.Else or PartKind.EndIf or PartKind.EndFor)
                {
                    index++;
                    if (next.Kind == PartKind.EndFor)
                    {
                        endfor = next;
                        break;
                    }

                    items.Truncate(mark);
                    Report(HclDiagnostics.ExpectedEndfor(_path, Range(next.Start, next.End), next.Name, Range(open.Start, open.End)));
                    return new ErrorExpression(_source, next.Start, next.ClampedEnd);
                }

                items.Push(ParseTemplateItem(parts, ref index));
            }

            var content = PopList(items, mark);
            if (content.Count == 0)
            {
                content = _lists.Add<ExpressionSyntax>([new LiteralExpression(HclString.Empty, _source, open.End, open.End)]);
            }

            var body = new TemplateExpression(content, TemplateKind.Directive, false, _source, content[0].Start, Math.Max(content[0].Start, content[^1].End));
            return new TemplateForExpression(open.KeyVariable, open.ValueVariable!, open.Expression!, body, _source, open.Start, Math.Max(open.Start, endfor.End));
        }
        finally
        {
            ExitNesting();
        }
    }

    private static void SkipTemplateParts(Span<TemplatePart> parts, ref int index)
    {
        while (parts[index].Kind != PartKind.End)
        {
            index++;
        }
    }
}
