using System.Text;
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
    private readonly int _tokenCount;
    private readonly List<Diagnostic> _diagnostics;
    private readonly NameTable _names;
    private readonly ScratchStack<SyntaxNode> _bodyItems = new();
    private readonly ScratchStack<BlockLabel> _labels = new();
    private readonly ScratchStack<ExpressionSyntax> _expressions = new();
    private readonly ScratchStack<ObjectItem> _objectItems = new();
    private readonly ScratchStack<TemplatePart> _templateParts = new();
    private readonly SyntaxListStore _lists = new();
    private readonly StringBuilder _builder = new();
    private bool[] _newlineStack = new bool[16];
    private int _newlineDepth;
    private bool _includeNewlines = true;
    private int _next;
    private int _previous = -1;
    private bool _recovery;
    private int _depth;

    /// <summary>Creates a parser over <paramref name="count"/> tokens (the last one the end of file); ranges are resolved in <paramref name="source"/> only when read.</summary>
    public Parser(SourceText source, Token[] tokens, int count, List<Diagnostic> diagnostics)
    {
        _source = source;
        _text = source.Text;
        _path = source.Path;
        _tokens = tokens;
        _tokenCount = count;
        _diagnostics = diagnostics;
        _names = new NameTable(_text.Length);
    }

    /// <summary>Pops the items pushed since <paramref name="mark"/> into a list.</summary>
    private SyntaxList<T> PopList<T>(ScratchStack<T> stack, int mark)
        where T : class
    {
        var list = _lists.Add<T>(stack.Since(mark));
        stack.Truncate(mark);
        return list;
    }

    public Body ParseFile()
    {
        var body = ParseBody(TokenKind.EndOfFile, 0);
        return body.Spanning(_source, 0, _tokens[_tokenCount - 1].End);
    }

    public ExpressionSyntax ParseStandaloneExpression()
    {
        PushNewlines(false);
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

        PopNewlines();
        return expression;
    }

    // ---- peeker ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PeekIndex()
    {
        var i = _next;
        if (!_includeNewlines)
        {
            var tokens = _tokens;
            while (tokens[i].Kind == TokenKind.Newline)
            {
                i++;
            }
        }

        return i;
    }

    private ref readonly Token Peek() => ref _tokens[PeekIndex()];

    private TokenKind PeekKind() => _tokens[PeekIndex()].Kind;

    private Token Read()
    {
        var i = PeekIndex();
        ref readonly var token = ref _tokens[i];
        _next = token.Kind == TokenKind.EndOfFile ? i : i + 1;
        _previous = i;
        return token;
    }

    /// <summary>The end of the last token read (the start of the text before any).</summary>
    private int PreviousEnd => _previous >= 0 ? _tokens[_previous].End : 0;

    private void PushNewlines(bool include)
    {
        if (_newlineDepth == _newlineStack.Length)
        {
            Array.Resize(ref _newlineStack, _newlineStack.Length * 2);
        }

        _newlineStack[_newlineDepth++] = _includeNewlines;
        _includeNewlines = include;
    }

    private void PopNewlines() => _includeNewlines = _newlineStack[--_newlineDepth];

    /// <summary>The range of a token, for a diagnostic (lines and columns come from the line table).</summary>
    private SourceRange Range(in Token token) => _source.RangeOf(token.Start, token.End);

    /// <summary>The range of <c>[start, end)</c>, for a diagnostic (empty when the end is before the start).</summary>
    private SourceRange Range(int start, int end) => _source.RangeOf(start, Math.Max(start, end));

    /// <summary>The range of the token at <paramref name="index"/> (the empty range at the start of the text for -1).</summary>
    private SourceRange RangeOfToken(int index) => index >= 0 ? Range(_tokens[index]) : Range(0, 0);

    private string TextOf(in Token token) => _names.Get(_text, token.Start, token.Length);

    private bool IsKeyword(in Token token, string keyword) =>
        token.Kind == TokenKind.Identifier && _text.AsSpan(token.Start, token.Length).SequenceEqual(keyword);

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private bool EnterNesting(Token at)
    {
        // The stack probe is a runtime call: make it every 8 levels (the probe leaves far more room than 8 levels use).
        if (_depth >= MaxDepth || ((_depth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
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
        _next = _tokenCount - 1;
    }
}
