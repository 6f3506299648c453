using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>Entry point of the HCL native-syntax parser. It never throws on any input.</summary>
public static class HclParser
{
    /// <summary>Parses a whole configuration file.</summary>
    public static HclParseResult ParseFile(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var tokens = Lex(source, out var diagnostics);
        var body = new Parser(source, tokens.Items, tokens.Count, diagnostics).ParseFile();
        return new HclParseResult(source, body, diagnostics);
    }

    /// <summary>Parses <paramref name="text"/> as a file named <paramref name="path"/>.</summary>
    public static HclParseResult ParseFile(string path, string text) => ParseFile(new SourceText(path, text));

    /// <summary>Parses a standalone expression (the whole text must be one expression).</summary>
    public static (ExpressionSyntax Expression, IReadOnlyList<Diagnostic> Diagnostics) ParseExpression(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var tokens = Lex(source, out var diagnostics);
        var expression = new Parser(source, tokens.Items, tokens.Count, diagnostics).ParseStandaloneExpression();
        return (expression, diagnostics);
    }

    /// <summary>Lexes the text into a pooled buffer (offsets only) and reports the invalid tokens.</summary>
    private static Lexer.TokenBuffer Lex(SourceText source, out List<Diagnostic> diagnostics)
    {
        var tokens = Lexer.Lex(source.Text);
        diagnostics = [];
        if (tokens.HasInvalidTokens)
        {
            Lexer.ReportInvalidTokens(source, tokens.Span, diagnostics);
        }

        return tokens;
    }
}
