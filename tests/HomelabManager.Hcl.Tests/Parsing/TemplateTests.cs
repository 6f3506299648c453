using HomelabManager.Hcl.Syntax;

namespace HomelabManager.Hcl.Tests.Parsing;

public sealed class TemplateTests
{
    private static string Literal(string expression) =>
        Assert.IsType<TemplateExpression>(Hcl.Expression(expression)).LiteralValue ?? throw new InvalidOperationException("not a literal");

    [Theory]
    [InlineData("\"a\\nb\"", "a\nb")]
    [InlineData("\"a\\rb\"", "a\rb")]
    [InlineData("\"a\\tb\"", "a\tb")]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"a\\\\b\"", "a\\b")]
    [InlineData("\"\\u00e9\"", "é")]
    [InlineData("\"\\U0001F600\"", "😀")]
    [InlineData("\"$${x}\"", "${x}")]
    [InlineData("\"%%{x}\"", "%{x}")]
    [InlineData("\"$$x %% $\"", "$$x %% $")]
    [InlineData("\"an\u0303o\"", "a\u00f1o")]
    public void DecodesEscapesAndNormalizes(string expression, string expected) => Assert.Equal(expected, Literal(expression));

    [Theory]
    [InlineData("a = \"\\q\"\n", "1:6 Invalid escape sequence")]
    [InlineData("a = \"\\u12\"\n", "1:6 Invalid escape sequence")]
    [InlineData("a = \"\\U0000\"\n", "1:6 Invalid escape sequence")]
    [InlineData("a = \"\\uD800\"\n", "1:6 Invalid escape sequence")]
    [InlineData("a = \"abc\n", "1:9 Invalid multi-line string")]
    public void InvalidEscapes(string text, string expected) => Assert.Equal(expected, Hcl.FirstError(text));

    [Fact]
    public void HeredocKeepsIndentation()
    {
        Assert.Equal("  a\n    b\n", Literal("<<EOT\n  a\n    b\n  EOT"));
    }

    [Fact]
    public void FlushHeredocRemovesCommonIndentation()
    {
        Assert.Equal("a\n  b\n\nc\n", Literal("<<-EOT\n    a\n      b\n\n    c\n    EOT"));
    }

    [Fact]
    public void HeredocBackslashesAreLiteral()
    {
        Assert.Equal("a\\nb\n", Literal("<<EOT\na\\nb\nEOT"));
    }

    [Fact]
    public void UnterminatedHeredocIsReported()
    {
        Assert.Equal("2:2 Unterminated template string", Hcl.FirstError("a = <<EOT\nx"));
    }

    [Fact]
    public void SingleInterpolationIsAPassThrough()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.Expression("\"${~ x ~}\""));
        Assert.True(template.IsSingleInterpolation);
        Assert.IsType<VariableExpression>(Assert.Single(template.Parts));
    }

    [Fact]
    public void StripMarkersTrimAdjacentLiterals()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.Expression("\"a  ${~ x ~}  b\""));
        Assert.False(template.IsSingleInterpolation);
        Assert.Equal("a", ((HomelabManager.Hcl.Evaluation.HclString)Assert.IsType<LiteralExpression>(template.Parts[0]).Value).Value);
        Assert.Equal("b", ((HomelabManager.Hcl.Evaluation.HclString)Assert.IsType<LiteralExpression>(template.Parts[2]).Value).Value);
    }

    [Fact]
    public void Directives()
    {
        var template = Assert.IsType<TemplateExpression>(Hcl.Expression("\"%{ if c }y%{ else }n%{ endif }%{ for k, v in m }${v}%{ endfor }\""));
        var ifPart = Assert.IsType<TemplateIfExpression>(template.Parts[0]);
        Assert.Equal("y", ifPart.TrueTemplate.LiteralValue);
        Assert.Equal("n", ifPart.FalseTemplate.LiteralValue);
        var forPart = Assert.IsType<TemplateForExpression>(template.Parts[1]);
        Assert.Equal(("k", "v"), (forPart.KeyVariable, forPart.ValueVariable));
    }

    [Fact]
    public void TemplatesInLabelsAreRejected()
    {
        Assert.Equal("1:8 Invalid string literal", Hcl.FirstError("block \"${x}\" {}\n"));
    }
}
