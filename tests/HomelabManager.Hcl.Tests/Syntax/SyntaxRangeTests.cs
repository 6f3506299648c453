using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Syntax;

/// <summary>Parsed nodes keep offsets only and resolve lines and columns on demand; hand-built nodes keep their ranges.</summary>
public sealed class SyntaxRangeTests
{
    [Fact]
    public void ParsingValidTextNeverComputesTheLineTable()
    {
        var source = new SourceText("t.hcl", "job \"web\" {\n  image = \"nginx\"\n  ports = [80, 443]\n}\n");
        var result = HclParser.ParseFile(source);

        Assert.Empty(result.Diagnostics);
        Assert.False(source.HasLineTable);
        var image = result.Body.Blocks[0].Body.Attributes[0];
        Assert.Equal(new SourceRange(new(2, 3, 14), new(2, 18, 29)), image.Range);
        Assert.True(source.HasLineTable);
    }

    [Fact]
    public void EveryKindOfRangeResolvesToLineAndColumn()
    {
        // CRLF line ends, tabs, and surrogate pairs before ranges on their line (columns count scalars).
        const string text = "a = 1\r\n\te = \"\U0001F600\"\r\nblock \"l\" lbl {\r\n  v = [\"\U0001F600\", var.name + f(1)]\r\n  s = \"plain\"\r\n}\r\n";
        var source = new SourceText("t.hcl", text);
        var result = HclParser.ParseFile(source);
        Assert.Empty(result.Diagnostics);
        var block = result.Body.Blocks[0];
        var v = block.Body.Attributes[0];
        var sum = Assert.IsType<BinaryExpression>(Assert.IsType<TupleExpression>(v.Expression).Elements[1]);
        var name = Assert.IsType<GetAttributeExpression>(sum.Left);
        var call = Assert.IsType<FunctionCallExpression>(sum.Right);

        Assert.Equal(Naive(text, "block", "block".Length), block.TypeRange);
        Assert.Equal(Naive(text, "{\r\n  v", 1), block.OpenBraceRange);
        Assert.Equal(Naive(text, "\"l\"", 3), block.Labels[0].Range);
        Assert.Equal(Naive(text, "lbl", 3), block.Labels[1].Range);
        Assert.Equal(Naive(text, "v =", 1), v.NameRange);
        Assert.Equal(Naive(text, "name", 4), name.NameRange);
        Assert.Equal(Naive(text, "var.name", "var.name".Length), name.Range);
        Assert.Equal(Naive(text, "f(1)", 1), call.NameRange);
        Assert.Equal(Naive(text, "f(1)", 4), call.Range);
        Assert.Equal(Naive(text, "{", text.Length - text.IndexOf('{', StringComparison.Ordinal) - 2), block.Body.Range);
    }

    [Fact]
    public void PlainStringsMakeTheirLiteralPartOnlyWhenAskedAndAlwaysTheSameOne()
    {
        const string text = "s = \"plain\"\nh = <<EOT\nline one\nline two\nEOT\n";
        var body = HclParser.ParseFile(new SourceText("t.hcl", text)).Body;
        var quoted = Assert.IsType<TemplateExpression>(body.Attributes[0].Expression);
        var heredoc = Assert.IsType<TemplateExpression>(body.Attributes[1].Expression);

        Assert.True(quoted.IsStringLiteral);
        Assert.Equal("plain", quoted.LiteralValue);
        var part = Assert.IsType<LiteralExpression>(Assert.Single(quoted.Parts));
        Assert.Same(part, quoted.Parts[0]);
        Assert.Equal("plain", Assert.IsType<HclString>(part.Value).Value);
        Assert.Equal(Naive(text, "plain", 5), part.Range);
        Assert.Equal(Naive(text, "\"plain\"", 7), quoted.Range);

        Assert.Equal("line one\nline two\n", heredoc.LiteralValue);
        Assert.Equal(Naive(text, "line one", "line one\nline two\n".Length), Assert.Single(heredoc.Parts).Range);
        Assert.Equal(Naive(text, "<<EOT", "<<EOT\nline one\nline two\nEOT".Length), heredoc.Range);
    }

    [Fact]
    public void HandBuiltNodesKeepTheRangesTheyWereGiven()
    {
        var nameRange = new SourceRange(new(7, 2, 40), new(7, 6, 44));
        var range = new SourceRange(new(7, 2, 40), new(7, 12, 50));
        var literal = new LiteralExpression(new HclString("x"), new SourceRange(new(7, 9, 47), new(7, 12, 50)));
        var attribute = new AttributeSyntax("name", nameRange, literal, range);
        var label = new BlockLabel("web", range);

        var block = new BlockSyntax("name", nameRange, [label], new Body([attribute], range), literal.Range, range);

        Assert.Equal(nameRange, block.TypeRange);
        Assert.Equal(literal.Range, block.OpenBraceRange);
        Assert.Equal(nameRange, attribute.NameRange);
        Assert.Equal(range, attribute.Range);
        Assert.Equal(range, label.Range);
        Assert.Equal(nameRange, (label with { Range = nameRange }).Range);
        var (value, labelRange) = label;
        Assert.Equal(("web", range), (value, labelRange));
    }

    [Fact]
    public void ParsedLabelsEqualHandBuiltLabelsWithTheSameValueAndRange()
    {
        var label = HclParser.ParseFile(new SourceText("t.hcl", "b \"web\" {\n}\n")).Body.Blocks[0].Labels[0];

        Assert.Equal(new BlockLabel("web", new SourceRange(new(1, 3, 2), new(1, 8, 7))), label);
        Assert.Equal(new BlockLabel("web", label.Range).GetHashCode(), label.GetHashCode());
        Assert.NotEqual(new BlockLabel("web", SourceRange.At(SourcePosition.Start)), label);
    }

    /// <summary>The range of <paramref name="length"/> characters at the first occurrence of <paramref name="marker"/>, counted naively.</summary>
    private static SourceRange Naive(string text, string marker, int length)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, marker);
        return new SourceRange(NaivePosition(text, start), NaivePosition(text, start + length));
    }

    private static SourcePosition NaivePosition(string text, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(text[i]))
            {
                column++;
            }
        }

        return new SourcePosition(line, column, offset);
    }
}
