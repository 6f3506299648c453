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
        var tokens = Lexer.TokenizeUnsized(source.Text, out var count);
        var diagnostics = new List<Diagnostic>();
        Lexer.ReportInvalidTokens(source, tokens.AsSpan(0, count), diagnostics);
        var parser = new Parser(source, tokens, diagnostics);
        var body = parser.ParseFile();
        return new HclParseResult(source, body, diagnostics);
    }

    /// <summary>Parses <paramref name="text"/> as a file named <paramref name="path"/>.</summary>
    public static HclParseResult ParseFile(string path, string text) => ParseFile(new SourceText(path, text));

    /// <summary>Parses a standalone expression (the whole text must be one expression).</summary>
    public static (ExpressionSyntax Expression, IReadOnlyList<Diagnostic> Diagnostics) ParseExpression(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = Lexer.TokenizeUnsized(source.Text, out var count);
        var diagnostics = new List<Diagnostic>();
        Lexer.ReportInvalidTokens(source, tokens.AsSpan(0, count), diagnostics);
        var parser = new Parser(source, tokens, diagnostics);
        var expression = parser.ParseStandaloneExpression();
        return (expression, diagnostics);
    }
}
