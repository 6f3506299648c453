using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;

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

    private sealed class TemplatePart(PartKind kind, int start, int end)
    {
        public PartKind Kind { get; } = kind;

        public int Start { get; set; } = start;

        public int End { get; set; } = end;

        public string Value { get; set; } = string.Empty;

        public ExpressionSyntax? Expression { get; init; }

        public string? KeyVariable { get; init; }

        public string? ValueVariable { get; init; }

        public string Name => Kind switch
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
        var parts = ParseTemplateParts(closer);
        if (flush)
        {
            FlushHeredoc(parts);
        }

        MeldLiterals(parts);
        var passthrough = parts.Count == 2 && parts[0].Kind == PartKind.Interpolation;
        var index = 0;
        var expressions = new List<ExpressionSyntax>();
        while (parts[index].Kind != PartKind.End)
        {
            expressions.Add(ParseTemplateItem(parts, ref index));
        }

        var kind = closer == TokenKind.CloseQuote ? TemplateKind.Quoted : TemplateKind.Heredoc;
        var end = Math.Max(open.End, PreviousEnd);
        return new TemplateExpression(expressions, kind, passthrough, Range(open.Start, end));
    }

    private List<TemplatePart> ParseTemplateParts(TokenKind end)
    {
        var parts = new List<TemplatePart>();
        var startToken = Peek();
        var startRange = Range(startToken);
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
                    var value = StringLiteralDecoder.Decode(_source, next.Start, next.End, next.Kind == TokenKind.QuotedLiteral, _diagnostics);
                    if (trimLeft)
                    {
                        value = value.TrimStart();
                    }

                    parts.Add(new TemplatePart(PartKind.Literal, next.Start, next.End) { Value = value });
                    nextCanTrimPrevious = true;
                    continue;

                case TokenKind.QuotedNewline when end == TokenKind.CloseQuote:
                    // Reported by the lexer: the quoted string ends at the line break.
                    endStart = endEnd = next.Start;
                    break;

                case TokenKind.TemplateInterpolation:
                    TrimPrevious(parts, next, canTrimPrevious);
                    PushNewlines(false);
                    var expression = ParseExpression();
                    var close = Peek();
                    if (close.Kind != TokenKind.TemplateSequenceEnd)
                    {
                        if (!_recovery)
                        {
                            Report(close.Kind switch
                            {
                                TokenKind.EndOfFile => HclDiagnostics.UnclosedInterpolation(_path, startRange),
                                TokenKind.Colon => HclDiagnostics.InterpolationColon(_path, Range(close)),
                                TokenKind.CloseQuote or TokenKind.OpenQuote or TokenKind.QuotedNewline when end == TokenKind.CloseQuote =>
                                    HclDiagnostics.UnclosedInterpolationInQuotes(_path, startRange),
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
                    parts.Add(new TemplatePart(PartKind.Interpolation, next.Start, Math.Max(close.End, next.End)) { Expression = expression });
                    continue;

                case TokenKind.TemplateControl:
                    TrimPrevious(parts, next, canTrimPrevious);
                    PushNewlines(false);
                    trimNextLeft = ParseDirective(parts, next, startRange);
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

        if (parts.Count == 0)
        {
            parts.Add(new TemplatePart(PartKind.Literal, startToken.Start, startToken.Start) { Value = string.Empty });
        }

        parts.Add(new TemplatePart(PartKind.End, endStart, endEnd));
        return parts;
    }

    private static void TrimPrevious(List<TemplatePart> parts, Token opener, bool canTrimPrevious)
    {
        if (canTrimPrevious && opener.Length == 3 && parts.Count > 0 && parts[^1].Kind == PartKind.Literal)
        {
            parts[^1].Value = parts[^1].Value.TrimEnd();
        }
    }

    /// <summary>Parses the inside of a <c>%{ ... }</c> sequence; returns true when it ends with <c>~}</c>.</summary>
    private bool ParseDirective(List<TemplatePart> parts, Token opener, Text.SourceRange startRange)
    {
        _ = startRange;
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
                parts.Add(new TemplatePart(PartKind.If, opener.Start, Peek().End) { Expression = condition });
                break;
            case "else":
                parts.Add(new TemplatePart(PartKind.Else, opener.Start, Peek().End));
                break;
            case "endif":
                parts.Add(new TemplatePart(PartKind.EndIf, opener.Start, Peek().End));
                break;
            case "endfor":
                parts.Add(new TemplatePart(PartKind.EndFor, opener.Start, Peek().End));
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
                parts.Add(new TemplatePart(PartKind.For, opener.Start, Peek().End)
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

    private static string? Suggest(string given)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in (ReadOnlySpan<string>)["if", "for", "else", "endif", "endfor"])
        {
            var distance = Levenshtein(given, candidate);
            if (distance < 3 && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Levenshtein(string a, string b)
    {
        if (a.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Removes the common leading whitespace of the lines of a <c>&lt;&lt;-</c> heredoc, as HashiCorp's parser does.</summary>
    private static void FlushHeredoc(List<TemplatePart> parts)
    {
        var minSpaces = int.MaxValue;
        var newline = true;
        var adjust = new List<TemplatePart>();
        foreach (var part in parts)
        {
            if (part.Kind == PartKind.End)
            {
                break;
            }

            if (newline)
            {
                newline = false;
                int spaces;
                if (part.Kind == PartKind.Literal)
                {
                    var value = part.Value;
                    var leading = CountLeadingSpaces(value, out var allSpace);
                    if (allSpace && value.EndsWith('\n'))
                    {
                        spaces = int.MaxValue;
                    }
                    else
                    {
                        spaces = leading;
                        adjust.Add(part);
                    }
                }
                else
                {
                    spaces = 0;
                }

                minSpaces = Math.Min(minSpaces, spaces);
            }

            if (part.Kind == PartKind.Literal && part.Value.EndsWith('\n'))
            {
                newline = true;
            }
        }

        if (minSpaces is 0 or int.MaxValue)
        {
            return;
        }

        foreach (var part in adjust)
        {
            var value = part.Value;
            var index = 0;
            for (var n = 0; n < minSpaces && index < value.Length; n++)
            {
                index += char.IsHighSurrogate(value[index]) && index + 1 < value.Length ? 2 : 1;
            }

            part.Value = value[index..];
        }
    }

    /// <summary>Counts leading whitespace characters (code points); <paramref name="allSpace"/> when nothing else follows.</summary>
    private static int CountLeadingSpaces(string value, out bool allSpace)
    {
        var count = 0;
        var index = 0;
        while (index < value.Length)
        {
            var cp = IdentifierChars.CodePointAt(value, index, out var width);
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
    private static void MeldLiterals(List<TemplatePart> parts)
    {
        var write = 0;
        StringBuilder? builder = null;
        for (var read = 0; read < parts.Count; read++)
        {
            var part = parts[read];
            if (part.Kind == PartKind.Literal && read + 1 < parts.Count && parts[read + 1].Kind == PartKind.Literal)
            {
                builder ??= new StringBuilder();
                builder.Clear();
                var end = read;
                while (end < parts.Count && parts[end].Kind == PartKind.Literal)
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

        parts.RemoveRange(write, parts.Count - write);
    }

    private ExpressionSyntax ParseTemplateItem(List<TemplatePart> parts, ref int index)
    {
        var part = parts[index];
        switch (part.Kind)
        {
            case PartKind.Literal:
                index++;
                return new LiteralExpression(new HclString(part.Value), Range(part.Start, part.End));
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
                return new ErrorExpression(Range(part.Start, part.End));
        }
    }

    private ExpressionSyntax ParseTemplateIf(List<TemplatePart> parts, ref int index)
    {
        var open = parts[index++];
        var openRange = Range(open.Start, open.End);
        if (!EnterNesting(_tokens[Math.Max(0, _previous)]))
        {
            SkipTemplateParts(parts, ref index);
            return new ErrorExpression(openRange);
        }

        try
        {
            var ifParts = new List<ExpressionSyntax>();
            var elseParts = new List<ExpressionSyntax>();
            var current = ifParts;
            TemplatePart endif;
            while (true)
            {
                var next = parts[index];
                if (next.Kind == PartKind.End)
                {
                    Report(HclDiagnostics.IfMissingEndif(_path, Range(next.Start, next.End), openRange));
                    return new ErrorExpression(Range(next.Start, next.End));
                }

                if (next.Kind is PartKind.Else or PartKind.EndIf or PartKind.EndFor)
                {
                    index++;
                    if (next.Kind == PartKind.Else && current == ifParts)
                    {
                        current = elseParts;
                        continue;
                    }

                    if (next.Kind == PartKind.EndIf)
                    {
                        endif = next;
                        break;
                    }

                    Report(next.Kind == PartKind.Else
                        ? HclDiagnostics.UnexpectedElse(_path, Range(next.Start, next.End), openRange)
                        : HclDiagnostics.ExpectedEndif(_path, Range(next.Start, next.End), next.Name, openRange));
                    return new ErrorExpression(Range(next.Start, next.End));
                }

                current.Add(ParseTemplateItem(parts, ref index));
            }

            if (ifParts.Count == 0)
            {
                ifParts.Add(new LiteralExpression(HclString.Empty, Range(open.End, open.End)));
            }

            if (elseParts.Count == 0)
            {
                elseParts.Add(new LiteralExpression(HclString.Empty, Range(endif.Start, endif.Start)));
            }

            var trueTemplate = new TemplateExpression(ifParts, TemplateKind.Directive, false, Span(ifParts));
            var falseTemplate = new TemplateExpression(elseParts, TemplateKind.Directive, false, Span(elseParts));
            return new TemplateIfExpression(open.Expression!, trueTemplate, falseTemplate, Range(open.Start, endif.End));
        }
        finally
        {
            ExitNesting();
        }
    }

    private ExpressionSyntax ParseTemplateFor(List<TemplatePart> parts, ref int index)
    {
        var open = parts[index++];
        var openRange = Range(open.Start, open.End);
        if (!EnterNesting(_tokens[Math.Max(0, _previous)]))
        {
            SkipTemplateParts(parts, ref index);
            return new ErrorExpression(openRange);
        }

        try
        {
            var content = new List<ExpressionSyntax>();
            TemplatePart endfor;
            while (true)
            {
                var next = parts[index];
                if (next.Kind == PartKind.End)
                {
                    Report(HclDiagnostics.ForMissingEndfor(_path, Range(next.Start, next.End), openRange));
                    return new ErrorExpression(Range(next.Start, next.End));
                }

                if (next.Kind is PartKind.Else or PartKind.EndIf or PartKind.EndFor)
                {
                    index++;
                    if (next.Kind == PartKind.EndFor)
                    {
                        endfor = next;
                        break;
                    }

                    Report(HclDiagnostics.ExpectedEndfor(_path, Range(next.Start, next.End), next.Name, openRange));
                    return new ErrorExpression(Range(next.Start, next.End));
                }

                content.Add(ParseTemplateItem(parts, ref index));
            }

            if (content.Count == 0)
            {
                content.Add(new LiteralExpression(HclString.Empty, Range(open.End, open.End)));
            }

            var body = new TemplateExpression(content, TemplateKind.Directive, false, Span(content));
            return new TemplateForExpression(open.KeyVariable, open.ValueVariable!, open.Expression!, body, Range(open.Start, endfor.End));
        }
        finally
        {
            ExitNesting();
        }
    }

    private static void SkipTemplateParts(List<TemplatePart> parts, ref int index)
    {
        while (parts[index].Kind != PartKind.End)
        {
            index++;
        }
    }

    private Text.SourceRange Span(List<ExpressionSyntax> expressions) =>
        Range(expressions[0].Range.Start.Offset, expressions[^1].Range.End.Offset);
}
