using HomelabManager.Hcl.Parsing;

namespace HomelabManager.Hcl.Tests.Parsing;

public sealed class LexerTests
{
    private static TokenKind[] Kinds(string text) => [.. Lexer.Tokenize(text).Select(t => t.Kind)];

    [Fact]
    public void ProducesTokensWithOffsets()
    {
        var tokens = Lexer.Tokenize("a = 1.5e3\n");
        Assert.Equal([TokenKind.Identifier, TokenKind.Equal, TokenKind.NumberLiteral, TokenKind.Newline, TokenKind.EndOfFile], tokens.Select(t => t.Kind));
        Assert.Equal((4, 9), (tokens[2].Start, tokens[2].End));
    }

    [Fact]
    public void SkipsAllCommentStylesButKeepsLineBreaks()
    {
        Assert.Equal([TokenKind.Identifier, TokenKind.Newline, TokenKind.Identifier, TokenKind.Newline, TokenKind.Identifier, TokenKind.Identifier, TokenKind.EndOfFile],
            Kinds("a # hash\nb // slash\nc /* multi\nline */ d"));
    }

    [Fact]
    public void LexesOperators()
    {
        Assert.Equal(
            [TokenKind.EqualOp, TokenKind.NotEqual, TokenKind.LessThanEqual, TokenKind.GreaterThanEqual, TokenKind.And, TokenKind.Or,
             TokenKind.DoubleColon, TokenKind.Ellipsis, TokenKind.FatArrow, TokenKind.Question, TokenKind.Colon, TokenKind.Percent, TokenKind.EndOfFile],
            Kinds("== != <= >= && || :: ... => ? : %"));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e10", "1e10")]
    [InlineData("2.5E-3", "2.5E-3")]
    [InlineData("1.", "1")]
    [InlineData("1e", "1")]
    public void NumbersKeepTheirExactText(string text, string number)
    {
        var token = Lexer.Tokenize(text)[0];
        Assert.Equal(TokenKind.NumberLiteral, token.Kind);
        Assert.Equal(number, text[token.Start..token.End]);
    }

    [Fact]
    public void QuotedTemplatesSwitchModes()
    {
        Assert.Equal(
            [TokenKind.OpenQuote, TokenKind.QuotedLiteral, TokenKind.TemplateInterpolation, TokenKind.Identifier, TokenKind.TemplateSequenceEnd,
             TokenKind.QuotedLiteral, TokenKind.TemplateControl, TokenKind.Identifier, TokenKind.TemplateSequenceEnd, TokenKind.CloseQuote, TokenKind.EndOfFile],
            Kinds("\"a ${b} c\\\" $${d} %{~ endif ~}\""));
    }

    [Fact]
    public void BracesInsideInterpolationAreCounted()
    {
        Assert.Equal(
            [TokenKind.OpenQuote, TokenKind.TemplateInterpolation, TokenKind.OpenBrace, TokenKind.CloseBrace, TokenKind.TemplateSequenceEnd, TokenKind.CloseQuote, TokenKind.EndOfFile],
            Kinds("\"${{}}\""));
    }

    [Fact]
    public void HeredocsProduceOneLiteralPerLine()
    {
        Assert.Equal(
            [TokenKind.Identifier, TokenKind.Equal, TokenKind.OpenHeredoc, TokenKind.StringLiteral, TokenKind.StringLiteral, TokenKind.CloseHeredoc, TokenKind.Newline, TokenKind.EndOfFile],
            Kinds("a = <<EOT\nline one\n  NOT EOT\n  EOT\n"));
    }

    [Fact]
    public void UnicodeIdentifiersAndDashes()
    {
        var tokens = Lexer.Tokenize("föo-bar_1 日本");
        Assert.Equal([TokenKind.Identifier, TokenKind.Identifier, TokenKind.EndOfFile], tokens.Select(t => t.Kind));
        Assert.Equal(9, tokens[0].End);
    }

    [Fact]
    public void InvalidCharactersAreTokensNotCrashes()
    {
        Assert.Equal([TokenKind.BadUtf8, TokenKind.Invalid, TokenKind.Backtick, TokenKind.Apostrophe, TokenKind.Semicolon, TokenKind.StarStar, TokenKind.EndOfFile],
            Kinds("\uFFFD @ ` ' ; **"));
    }

    [Fact]
    public void NewlineInQuotedStringEndsTheString()
    {
        Assert.Equal([TokenKind.OpenQuote, TokenKind.QuotedLiteral, TokenKind.QuotedNewline, TokenKind.Newline, TokenKind.Identifier, TokenKind.EndOfFile],
            Kinds("\"abc\nd"));
    }
}
