using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// The hand-written HCL native-syntax lexer. It is mode based (configuration, template interpolation,
/// quoted template, heredoc template) with an explicit mode stack, so no input can make it recurse.
/// Comments and blanks are dropped; a line comment becomes one newline token spanning it and its line break.
/// </summary>
public static class Lexer
{
    /// <summary>Four UTF-16 spaces read as one 64-bit value.</summary>
    private const ulong FourSpaces = 0x0020_0020_0020_0020UL;

    /// <summary>The characters that can end or interrupt a quoted literal.</summary>
    private static readonly SearchValues<char> QuotedSpecials = SearchValues.Create("\"\n\r\\$%");

    /// <summary>The characters that can end or interrupt a heredoc line.</summary>
    private static readonly SearchValues<char> HeredocSpecials = SearchValues.Create("\n\r$%");

    private enum Mode : byte
    {
        Main,
        Interpolation,
        Quoted,
        Heredoc,
    }

    private struct Frame
    {
        public Mode Mode;
        public int BraceDepth;
        public int MarkerStart;
        public int MarkerLength;
        public bool AtLineStart;
    }

    /// <summary>Splits <paramref name="text"/> into tokens, always ending with <see cref="TokenKind.EndOfFile"/>.</summary>
    public static Token[] Tokenize(string text)
    {
        using var tokens = Lex(text);
        return tokens.Span.ToArray();
    }

    /// <summary>
    /// Lexes <paramref name="text"/> into a pooled buffer (return it with <see cref="TokenBuffer.Dispose"/>).
    /// Tokens carry offsets only: lines and columns are worked out from the source's line table when a
    /// diagnostic or a node's range needs them.
    /// </summary>
    internal static TokenBuffer Lex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Real files run 5 to 10 characters a token; the buffer grows (pooled) if a text is denser.
        var tokens = new TokenBuffer((text.Length / 5) + 16);
        var stack = new List<Frame>(8) { new() { Mode = Mode.Main } };
        var pos = 0;
        var length = text.Length;
        while (pos < length)
        {
            var top = stack.Count - 1;
            var frame = stack[top];
            switch (frame.Mode)
            {
                case Mode.Quoted:
                    pos = LexQuoted(text, pos, tokens, stack);
                    break;
                case Mode.Heredoc:
                    pos = LexHeredoc(text, pos, tokens, stack);
                    break;
                default:
                    pos = LexMain(text, pos, tokens, stack);
                    break;
            }
        }

        tokens.Add(TokenKind.EndOfFile, length, length);
        return tokens;
    }

    /// <summary>A growable token array rented from the shared pool; <see cref="Dispose"/> gives it back.</summary>
    internal sealed class TokenBuffer : IDisposable
    {
        public TokenBuffer(int capacity) => Items = ArrayPool<Token>.Shared.Rent(capacity);

        public Token[] Items { get; private set; }

        public int Count { get; private set; }

        /// <summary>True when a token was added that <see cref="ReportInvalidTokens"/> reports.</summary>
        public bool HasInvalidTokens { get; private set; }

        public ReadOnlySpan<Token> Span => Items.AsSpan(0, Count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(TokenKind kind, int start, int end)
        {
            var items = Items;
            var count = Count;
            if ((uint)count >= (uint)items.Length)
            {
                Grow();
                items = Items;
            }

            if (kind >= TokenKind.BitwiseAnd || kind == TokenKind.QuotedNewline)
            {
                HasInvalidTokens = true;
            }

            items[count] = new Token(kind, start, end);
            Count = count + 1;
        }

        private void Grow()
        {
            var larger = ArrayPool<Token>.Shared.Rent(Items.Length * 2);
            Array.Copy(Items, larger, Count);
            ArrayPool<Token>.Shared.Return(Items);
            Items = larger;
        }

        public void Dispose()
        {
            var items = Items;
            Items = [];
            Count = 0;
            if (items.Length > 0)
            {
                ArrayPool<Token>.Shared.Return(items);
            }
        }
    }

    /// <summary>Reports the tokens that are never valid, as HashiCorp's lexer does (each kind reported a bounded number of times).</summary>
    public static void ReportInvalidTokens(SourceText source, ReadOnlySpan<Token> tokens, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        int bitwise = 0, exponent = 0, backtick = 0, apostrophe = 0, semicolon = 0, badUtf8 = 0;
        var path = source.Path;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.BitwiseAnd or TokenKind.BitwiseOr or TokenKind.BitwiseXor or TokenKind.BitwiseNot:
                    if (bitwise < 4)
                    {
                        var suggestion = token.Kind switch
                        {
                            TokenKind.BitwiseAnd => " Did you mean boolean AND (\"&&\")?",
                            TokenKind.BitwiseOr => " Did you mean boolean OR (\"||\")?",
                            TokenKind.BitwiseNot => " Did you mean boolean NOT (\"!\")?",
                            _ => string.Empty,
                        };
                        diagnostics.Add(HclDiagnostics.BitwiseOperator(path, Range(source, token), suggestion));
                        bitwise++;
                    }

                    break;
                case TokenKind.StarStar:
                    if (exponent++ < 1)
                    {
                        diagnostics.Add(HclDiagnostics.ExponentOperator(path, Range(source, token)));
                    }

                    break;
                case TokenKind.Backtick:
                    if (backtick % 2 == 0)
                    {
                        diagnostics.Add(HclDiagnostics.Backtick(path, Range(source, token)));
                    }

                    if (backtick <= 2)
                    {
                        backtick++;
                    }

                    break;
                case TokenKind.Apostrophe:
                    if (apostrophe % 2 == 0)
                    {
                        diagnostics.Add(HclDiagnostics.SingleQuote(path, Range(source, token)));
                    }

                    if (apostrophe <= 2)
                    {
                        apostrophe++;
                    }

                    break;
                case TokenKind.Semicolon:
                    if (semicolon++ < 1)
                    {
                        diagnostics.Add(HclDiagnostics.Semicolon(path, Range(source, token)));
                    }

                    break;
                case TokenKind.BadUtf8:
                    if (badUtf8++ < 1)
                    {
                        diagnostics.Add(HclDiagnostics.InvalidEncoding(path, Range(source, token)));
                    }

                    break;
                case TokenKind.QuotedNewline:
                    var width = source.Text[token.Start] == '\r' ? 2 : 1;
                    diagnostics.Add(HclDiagnostics.InvalidMultiLineString(path, source.RangeOf(token.Start, token.Start + width)));
                    break;
                case TokenKind.Invalid:
                    var c = source.Text[token.Start];
                    diagnostics.Add(c is '\u201C' or '\u201D'
                        ? HclDiagnostics.CurlyQuote(path, Range(source, token))
                        : HclDiagnostics.InvalidCharacter(path, Range(source, token)));
                    break;
            }
        }
    }

    private static SourceRange Range(SourceText source, in Token token) => source.RangeOf(token.Start, token.End);

    private static bool IsNewlineAt(string text, int pos, out int width)
    {
        var c = text[pos];
        if (c == '\n')
        {
            width = 1;
            return true;
        }

        if (c == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')
        {
            width = 2;
            return true;
        }

        width = 0;
        return false;
    }

    private static int LexMain(string text, int pos, TokenBuffer tokens, List<Frame> stack)
    {
        var length = text.Length;
        var top = stack.Count - 1;
        while (pos < length)
        {
            var c = text[pos];
            var start = pos;

            // Names are the most common token: test for them before the punctuation switch.
            if (IdentifierChars.IsStartAscii(c))
            {
                pos = LexIdentifierRest(text, pos + 1);
                tokens.Add(TokenKind.Identifier, start, pos);
                continue;
            }

            switch (c)
            {
                case ' ' or '\t':
                    // Blanks come singly between tokens and in short indentation runs: four spaces at a time, then one by one
                    // (cheaper than a vectorized search for runs this short).
                    pos++;
                    while (pos + 4 <= length && MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text.AsSpan(pos, 4))) == FourSpaces)
                    {
                        pos += 4;
                    }

                    while (pos < length && text[pos] is ' ' or '\t')
                    {
                        pos++;
                    }

                    continue;
                case '\n':
                    tokens.Add(TokenKind.Newline, pos, pos + 1);
                    pos++;
                    continue;
                case '\r':
                    if (pos + 1 < length && text[pos + 1] == '\n')
                    {
                        tokens.Add(TokenKind.Newline, pos, pos + 2);
                        pos += 2;
                    }
                    else
                    {
                        tokens.Add(TokenKind.Invalid, pos, pos + 1);
                        pos++;
                    }

                    continue;
                case '#':
                    pos = LexLineComment(tokens, text, pos);
                    continue;
                case '/':
                    if (pos + 1 < length && text[pos + 1] == '/')
                    {
                        pos = LexLineComment(tokens, text, pos);
                        continue;
                    }

                    if (pos + 1 < length && text[pos + 1] == '*')
                    {
                        var close = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                        if (close >= 0)
                        {
                            pos = close + 2;
                            continue;
                        }
                    }

                    tokens.Add(TokenKind.Slash, pos, pos + 1);
                    pos++;
                    continue;
                case '"':
                    tokens.Add(TokenKind.OpenQuote, pos, pos + 1);
                    stack.Add(new Frame { Mode = Mode.Quoted });
                    return pos + 1;
                case '{':
                    tokens.Add(TokenKind.OpenBrace, pos, pos + 1);
                    Bump(stack, top, 1);
                    pos++;
                    continue;
                case '}':
                    if (stack[top].Mode == Mode.Interpolation && stack[top].BraceDepth == 0)
                    {
                        tokens.Add(TokenKind.TemplateSequenceEnd, pos, pos + 1);
                        stack.RemoveAt(top);
                        return pos + 1;
                    }

                    tokens.Add(TokenKind.CloseBrace, pos, pos + 1);
                    Bump(stack, top, -1);
                    pos++;
                    continue;
                case '~':
                    if (pos + 1 < length && text[pos + 1] == '}' && stack[top].Mode == Mode.Interpolation && stack[top].BraceDepth == 0)
                    {
                        tokens.Add(TokenKind.TemplateSequenceEnd, pos, pos + 2);
                        stack.RemoveAt(top);
                        return pos + 2;
                    }

                    tokens.Add(TokenKind.BitwiseNot, pos, pos + 1);
                    pos++;
                    continue;
                case '<':
                    if (pos + 1 < length && text[pos + 1] == '<' && TryHeredocStart(text, pos, out var end, out var markerStart, out var markerLength))
                    {
                        tokens.Add(TokenKind.OpenHeredoc, pos, end);
                        stack.Add(new Frame { Mode = Mode.Heredoc, MarkerStart = markerStart, MarkerLength = markerLength, AtLineStart = true });
                        return end;
                    }

                    pos = Op2(text, pos, tokens, '=', TokenKind.LessThanEqual, TokenKind.LessThan);
                    continue;
                case '>':
                    pos = Op2(text, pos, tokens, '=', TokenKind.GreaterThanEqual, TokenKind.GreaterThan);
                    continue;
                case '=':
                    if (pos + 1 < length && text[pos + 1] == '>')
                    {
                        tokens.Add(TokenKind.FatArrow, pos, pos + 2);
                        pos += 2;
                        continue;
                    }

                    pos = Op2(text, pos, tokens, '=', TokenKind.EqualOp, TokenKind.Equal);
                    continue;
                case '!':
                    pos = Op2(text, pos, tokens, '=', TokenKind.NotEqual, TokenKind.Bang);
                    continue;
                case '&':
                    pos = Op2(text, pos, tokens, '&', TokenKind.And, TokenKind.BitwiseAnd);
                    continue;
                case '|':
                    pos = Op2(text, pos, tokens, '|', TokenKind.Or, TokenKind.BitwiseOr);
                    continue;
                case ':':
                    pos = Op2(text, pos, tokens, ':', TokenKind.DoubleColon, TokenKind.Colon);
                    continue;
                case '*':
                    pos = Op2(text, pos, tokens, '*', TokenKind.StarStar, TokenKind.Star);
                    continue;
                case '.':
                    if (pos + 2 < length && text[pos + 1] == '.' && text[pos + 2] == '.')
                    {
                        tokens.Add(TokenKind.Ellipsis, pos, pos + 3);
                        pos += 3;
                        continue;
                    }

                    tokens.Add(TokenKind.Dot, pos, pos + 1);
                    pos++;
                    continue;
                case >= '0' and <= '9':
                    pos = LexNumber(text, pos);
                    tokens.Add(TokenKind.NumberLiteral, start, pos);
                    continue;
            }

            var single = c switch
            {
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                ',' => TokenKind.Comma,
                '?' => TokenKind.Question,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '%' => TokenKind.Percent,
                '^' => TokenKind.BitwiseXor,
                '`' => TokenKind.Backtick,
                '\'' => TokenKind.Apostrophe,
                ';' => TokenKind.Semicolon,
                _ => TokenKind.EndOfFile,
            };
            if (single != TokenKind.EndOfFile)
            {
                tokens.Add(single, pos, pos + 1);
                pos++;
                continue;
            }

            if (c < 0x80)
            {
                tokens.Add(TokenKind.Invalid, pos, pos + 1);
                pos++;
                continue;
            }

            var cp = IdentifierChars.CodePointAt(text, pos, out var width);
            if (IdentifierChars.IsStart(cp))
            {
                pos = LexIdentifierRest(text, pos + width);
                tokens.Add(TokenKind.Identifier, start, pos);
                continue;
            }

            tokens.Add(cp == 0xFFFD ? TokenKind.BadUtf8 : TokenKind.Invalid, pos, pos + width);
            pos += width;
        }

        return pos;
    }

    private static void Bump(List<Frame> stack, int top, int delta)
    {
        var frame = stack[top];
        frame.BraceDepth = Math.Max(0, frame.BraceDepth + delta);
        stack[top] = frame;
    }

    private static int Op2(string text, int pos, TokenBuffer tokens, char second, TokenKind two, TokenKind one)
    {
        if (pos + 1 < text.Length && text[pos + 1] == second)
        {
            tokens.Add(two, pos, pos + 2);
            return pos + 2;
        }

        tokens.Add(one, pos, pos + 1);
        return pos + 1;
    }

    /// <summary>
    /// A line comment stands for the newline that ends it (spec.md: "equivalent to a newline sequence"): one newline
    /// token spanning the comment and its line break, as hashicorp/hcl's parser sees it, so a diagnostic about that
    /// newline starts where the comment does. A comment ending the file leaves no token.
    /// </summary>
    private static int LexLineComment(TokenBuffer tokens, string text, int pos)
    {
        var newline = text.AsSpan(pos).IndexOf('\n');
        if (newline < 0)
        {
            return text.Length;
        }

        var end = pos + newline + 1;
        tokens.Add(TokenKind.Newline, pos, end);
        return end;
    }

    // As hashicorp/hcl's scanner: a digit, then digits, dots and exponents ("e", "e+", "e-" before a digit), not
    // ending in a dot. So "1.2.3" is one token (an invalid number, as HashiCorp reports it) rather than 1.2 and .3,
    // and "foo.0.0" ends in the token "0.0" (the chained legacy index spec.md says is invalid).
    private static int LexNumber(string text, int pos)
    {
        var length = text.Length;
        var end = ++pos;
        while (pos < length)
        {
            var c = text[pos];
            if (char.IsAsciiDigit(c))
            {
                end = ++pos;
            }
            else if (c == '.')
            {
                pos++;
            }
            else if (c is 'e' or 'E')
            {
                var e = pos + 1;
                if (e < length && text[e] is '+' or '-')
                {
                    e++;
                }

                if (e >= length || !char.IsAsciiDigit(text[e]))
                {
                    break;
                }

                end = pos = e + 1;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static int LexIdentifierRest(string text, int pos)
    {
        var length = text.Length;
        while (pos < length)
        {
            var c = text[pos];
            if (c < 0x80)
            {
                if (!IdentifierChars.IsContinueAscii(c))
                {
                    break;
                }

                pos++;
                continue;
            }

            var cp = IdentifierChars.CodePointAt(text, pos, out var width);
            if (!IdentifierChars.IsContinue(cp))
            {
                break;
            }

            pos += width;
        }

        return pos;
    }

    private static bool TryHeredocStart(string text, int pos, out int end, out int markerStart, out int markerLength)
    {
        end = markerStart = markerLength = 0;
        var p = pos + 2;
        if (p < text.Length && text[p] == '-')
        {
            p++;
        }

        if (p >= text.Length)
        {
            return false;
        }

        var cp = IdentifierChars.CodePointAt(text, p, out var width);
        if (!IdentifierChars.IsStart(cp))
        {
            return false;
        }

        markerStart = p;
        p = LexIdentifierRest(text, p + width);
        markerLength = p - markerStart;
        if (p < text.Length && IsNewlineAt(text, p, out var newlineWidth))
        {
            end = p + newlineWidth;
            return true;
        }

        return false;
    }

    private static int LexQuoted(string text, int pos, TokenBuffer tokens, List<Frame> stack)
    {
        var length = text.Length;
        var start = pos;
        while (pos < length)
        {
            // Jump over plain characters (vectorized) to the next one that may end the literal.
            var skip = text.AsSpan(pos).IndexOfAny(QuotedSpecials);
            if (skip < 0)
            {
                pos = length;
                break;
            }

            pos += skip;
            var c = text[pos];
            // a carriage return ends the literal even when no line feed follows: HCL's quoted strings exclude both
            if (c == '"' || c == '\n' || c == '\r')
            {
                break;
            }

            if (c == '\\')
            {
                pos += pos + 1 < length && text[pos + 1] != '\n' && text[pos + 1] != '\r' ? 2 : 1;
                continue;
            }

            if ((c == '$' || c == '%') && pos + 1 < length)
            {
                if (text[pos + 1] == c && pos + 2 < length && text[pos + 2] == '{')
                {
                    pos += 3;
                    continue;
                }

                if (text[pos + 1] == '{')
                {
                    break;
                }
            }

            pos++;
        }

        if (pos > start)
        {
            tokens.Add(TokenKind.QuotedLiteral, start, pos);
        }

        if (pos >= length)
        {
            return pos;
        }

        var ch = text[pos];
        if (ch == '"')
        {
            tokens.Add(TokenKind.CloseQuote, pos, pos + 1);
            stack.RemoveAt(stack.Count - 1);
            return pos + 1;
        }

        if (ch == '\r' || IsNewlineAt(text, pos, out _))
        {
            // The string ends at the line break (or a lone carriage return, then an invalid character) (an error reported from this zero-width token); the line
            // break itself is then lexed normally, so the following lines parse as usual.
            tokens.Add(TokenKind.QuotedNewline, pos, pos);
            stack.RemoveAt(stack.Count - 1);
            return pos;
        }

        return BeginSequence(text, pos, tokens, stack);
    }

    private static int BeginSequence(string text, int pos, TokenBuffer tokens, List<Frame> stack)
    {
        var kind = text[pos] == '$' ? TokenKind.TemplateInterpolation : TokenKind.TemplateControl;
        var end = pos + 2 < text.Length && text[pos + 2] == '~' ? pos + 3 : pos + 2;
        tokens.Add(kind, pos, end);
        stack.Add(new Frame { Mode = Mode.Interpolation });
        return end;
    }

    private static int LexHeredoc(string text, int pos, TokenBuffer tokens, List<Frame> stack)
    {
        var length = text.Length;
        var top = stack.Count - 1;
        var frame = stack[top];
        if (frame.AtLineStart)
        {
            var p = pos;
            while (p < length && (text[p] == ' ' || text[p] == '\t'))
            {
                p++;
            }

            if (p + frame.MarkerLength <= length
                && string.CompareOrdinal(text, p, text, frame.MarkerStart, frame.MarkerLength) == 0)
            {
                var after = p + frame.MarkerLength;
                if (after == length || IsNewlineAt(text, after, out _))
                {
                    tokens.Add(TokenKind.CloseHeredoc, pos, after);
                    stack.RemoveAt(top);
                    return after;
                }
            }

            frame.AtLineStart = false;
            stack[top] = frame;
        }

        var start = pos;
        var sequence = false;
        while (pos < length)
        {
            var skip = text.AsSpan(pos).IndexOfAny(HeredocSpecials);
            if (skip < 0)
            {
                pos = length;
                break;
            }

            pos += skip;
            var c = text[pos];
            if (c == '\n')
            {
                pos++;
                frame.AtLineStart = true;
                stack[top] = frame;
                break;
            }

            if (c == '\r' && (pos + 1 == length || text[pos + 1] != '\n'))
            {
                // As hashicorp/hcl: heredoc text holds no carriage return outside a CR LF line break.
                if (pos > start)
                {
                    tokens.Add(TokenKind.StringLiteral, start, pos);
                }

                tokens.Add(TokenKind.Invalid, pos, pos + 1);
                return pos + 1;
            }

            if ((c == '$' || c == '%') && pos + 1 < length)
            {
                if (text[pos + 1] == c && pos + 2 < length && text[pos + 2] == '{')
                {
                    pos += 3;
                    continue;
                }

                if (text[pos + 1] == '{')
                {
                    sequence = true;
                    break;
                }
            }

            pos++;
        }

        if (pos > start)
        {
            tokens.Add(TokenKind.StringLiteral, start, pos);
        }

        return sequence ? BeginSequence(text, pos, tokens, stack) : pos;
    }
}
