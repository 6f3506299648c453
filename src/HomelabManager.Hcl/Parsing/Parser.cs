using System.Runtime.CompilerServices;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// Recursive-descent parser over the token array. Its structure, recovery strategy ("recovery mode"
/// suppresses follow-on errors once one was reported) and diagnostics follow HashiCorp's hclsyntax parser,
/// so error positions match the reference implementation.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 200;
    private const TokenKind NoToken = (TokenKind)255;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly string _path;
    private readonly Token[] _tokens;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<bool> _includeNewlines = [true];
    private int _next;
    private int _previous = -1;
    private bool _recovery;
    private int _depth;

    public Parser(SourceText source, Token[] tokens, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _path = source.Path;
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    public Body ParseFile()
    {
        var body = ParseBody(TokenKind.EndOfFile, 0);
        return new Body(body.Items, Range(0, _text.Length));
    }

    public ExpressionSyntax ParseStandaloneExpression()
    {
        _includeNewlines.Add(false);
        var mark = _diagnostics.Count;
        var expression = ParseExpression();
        var next = Peek();
        if (next.Kind != TokenKind.EndOfFile && !(_recovery && _diagnostics.Count > mark))
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.InvalidExpression(_path, Range(next)));
            }
        }

        _includeNewlines.RemoveAt(_includeNewlines.Count - 1);
        return expression;
    }

    // ---- peeker ----

    private int PeekIndex()
    {
        var include = _includeNewlines[^1];
        var i = _next;
        while (!include && _tokens[i].Kind == TokenKind.Newline)
        {
            i++;
        }

        return i;
    }

    private Token Peek() => _tokens[PeekIndex()];

    private Token Read()
    {
        var i = PeekIndex();
        var token = _tokens[i];
        _next = token.Kind == TokenKind.EndOfFile ? i : i + 1;
        _previous = i;
        return token;
    }

    private int PreviousEnd => _previous >= 0 ? _tokens[_previous].End : 0;

    private SourceRange PreviousRange => _previous >= 0 ? Range(_tokens[_previous]) : Range(0, 0);

    private void PushNewlines(bool include) => _includeNewlines.Add(include);

    private void PopNewlines() => _includeNewlines.RemoveAt(_includeNewlines.Count - 1);

    private SourceRange Range(Token token) => _source.RangeOf(token.Start, token.End);

    private SourceRange Range(int start, int end) => _source.RangeOf(start, Math.Max(start, end));

    private string TextOf(Token token) => _text.Substring(token.Start, token.Length);

    private bool IsKeyword(Token token, string keyword) =>
        token.Kind == TokenKind.Identifier && _text.AsSpan(token.Start, token.Length).SequenceEqual(keyword);

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private bool EnterNesting(Token at)
    {
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_recovery)
            {
                Report(HclDiagnostics.NestingTooDeep(_path, Range(at)));
            }

            _recovery = true;
            return false;
        }

        _depth++;
        return true;
    }

    private void ExitNesting() => _depth--;

    // ---- recovery ----

    private static TokenKind Opposite(TokenKind kind) => kind switch
    {
        TokenKind.OpenBrace => TokenKind.CloseBrace,
        TokenKind.CloseBrace => TokenKind.OpenBrace,
        TokenKind.OpenBracket => TokenKind.CloseBracket,
        TokenKind.CloseBracket => TokenKind.OpenBracket,
        TokenKind.OpenParen => TokenKind.CloseParen,
        TokenKind.CloseParen => TokenKind.OpenParen,
        TokenKind.OpenQuote => TokenKind.CloseQuote,
        TokenKind.CloseQuote => TokenKind.OpenQuote,
        TokenKind.OpenHeredoc => TokenKind.CloseHeredoc,
        TokenKind.CloseHeredoc => TokenKind.OpenHeredoc,
        TokenKind.TemplateControl or TokenKind.TemplateInterpolation => TokenKind.TemplateSequenceEnd,
        TokenKind.TemplateSequenceEnd => TokenKind.TemplateInterpolation,
        _ => NoToken,
    };

    /// <summary>Skips to the token closing the current construct (nesting aware) and returns it (or end of file).</summary>
    private Token Recover(TokenKind end)
    {
        var start = Opposite(end);
        _recovery = true;
        var nest = 0;
        while (true)
        {
            var token = Read();
            var kind = token.Kind;
            if (end == TokenKind.TemplateSequenceEnd && kind == TokenKind.TemplateControl)
            {
                kind = TokenKind.TemplateInterpolation;
            }

            if (kind == TokenKind.EndOfFile)
            {
                return token;
            }

            if (kind == start)
            {
                nest++;
            }
            else if (kind == end)
            {
                if (nest < 1)
                {
                    return token;
                }

                nest--;
            }
        }
    }

    /// <summary>Skips past the bracket matching an opener that was just read.</summary>
    private Token RecoverOver(TokenKind start)
    {
        var end = Opposite(start);
        var nest = 1;
        while (true)
        {
            var token = Read();
            if (token.Kind == TokenKind.EndOfFile)
            {
                return token;
            }

            if (token.Kind == start)
            {
                nest++;
            }
            else if (token.Kind == end)
            {
                nest--;
                if (nest < 1)
                {
                    return token;
                }
            }
        }
    }

    /// <summary>Skips to the end of the current body item: the next newline outside any brackets.</summary>
    private void RecoverAfterBodyItem()
    {
        _recovery = true;
        var open = new List<TokenKind>();
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case TokenKind.Newline:
                    if (open.Count == 0)
                    {
                        return;
                    }

                    break;
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.OpenQuote
                    or TokenKind.OpenHeredoc or TokenKind.TemplateInterpolation or TokenKind.TemplateControl:
                    open.Add(token.Kind);
                    break;
                case TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.CloseQuote
                    or TokenKind.CloseHeredoc:
                    var opener = Opposite(token.Kind);
                    while (open.Count > 0 && open[^1] != opener)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    if (open.Count > 0)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    break;
                case TokenKind.TemplateSequenceEnd:
                    while (open.Count > 0 && open[^1] != TokenKind.TemplateInterpolation && open[^1] != TokenKind.TemplateControl)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    if (open.Count > 0)
                    {
                        open.RemoveAt(open.Count - 1);
                    }

                    break;
            }
        }
    }

    /// <summary>Abandons the rest of the input (used when nesting is too deep to continue safely).</summary>
    private void SkipToEnd()
    {
        _recovery = true;
        _next = _tokens.Length - 1;
    }
}
