using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Parsing;

public sealed class ParserTests
{
    [Fact]
    public void ParsesAttributesAndBlocksInSourceOrder()
    {
        var body = Hcl.ParseValid("job \"web\" {\n  count = 3\n  group g { x = 1 }\n}\nname = \"n\"\n").Body;
        Assert.Equal(2, body.Items.Count);
        var job = Assert.IsType<BlockSyntax>(body.Items[0]);
        Assert.Equal("job", job.Type);
        Assert.Equal("web", Assert.Single(job.Labels).Value);
        Assert.Equal((1, 5), (job.Labels[0].Range.Start.Line, job.Labels[0].Range.Start.Column));
        Assert.Equal((1, 11), (job.OpenBraceRange.Start.Line, job.OpenBraceRange.Start.Column));
        Assert.Equal("count", job.Body.Attributes[0].Name);
        var group = job.Body.Blocks[0];
        Assert.Equal("g", group.Labels[0].Value);
        Assert.Equal("x", Assert.Single(group.Body.Attributes).Name);
        Assert.Equal("name", body.Attributes[0].Name);
        Assert.Equal((5, 1), (body.Attributes[0].NameRange.Start.Line, body.Attributes[0].NameRange.Start.Column));
    }

    [Fact]
    public void RangesGiveExactSourceText()
    {
        var result = Hcl.ParseValid("a = foo(1, # c\n 2) # trailing\n");
        Assert.Equal("foo(1, # c\n 2)", result.Body.Attributes[0].Expression.GetText(result.Source));
    }

    [Fact]
    public void OperatorPrecedence()
    {
        var expression = Assert.IsType<BinaryExpression>(Hcl.Expression("1 + 2 * 3 == 7 || !false && -x > 0"));
        Assert.Equal(BinaryOperator.Or, expression.Operator);
        var equal = Assert.IsType<BinaryExpression>(expression.Left);
        Assert.Equal(BinaryOperator.Equal, equal.Operator);
        var add = Assert.IsType<BinaryExpression>(equal.Left);
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinaryExpression>(add.Right).Operator);
        var and = Assert.IsType<BinaryExpression>(expression.Right);
        Assert.IsType<UnaryExpression>(and.Left);
    }

    [Fact]
    public void LeftAssociativity()
    {
        var expression = Assert.IsType<BinaryExpression>(Hcl.Expression("8 - 4 - 2"));
        Assert.IsType<BinaryExpression>(expression.Left);
        Assert.IsType<LiteralExpression>(expression.Right);
    }

    [Fact]
    public void ConditionalsFunctionsAndTraversals()
    {
        var conditional = Assert.IsType<ConditionalExpression>(Hcl.Expression("a ? f(x...) : b.c[0].d"));
        var call = Assert.IsType<FunctionCallExpression>(conditional.TrueResult);
        Assert.Equal("f", call.Name);
        Assert.True(call.ExpandFinal);
        var d = Assert.IsType<GetAttributeExpression>(conditional.FalseResult);
        Assert.Equal("d", d.Name);
        var index = Assert.IsType<IndexExpression>(d.Source);
        Assert.False(index.IsLegacy);
        Assert.IsType<GetAttributeExpression>(index.Collection);
    }

    [Fact]
    public void NamespacedFunctions()
    {
        var call = Assert.IsType<FunctionCallExpression>(Hcl.Expression("provider::ns::fn(1)"));
        Assert.Equal("provider::ns::fn", call.Name);
    }

    [Fact]
    public void LegacyIndexAndSplats()
    {
        var legacy = Assert.IsType<IndexExpression>(Hcl.Expression("foo.0"));
        Assert.True(legacy.IsLegacy);
        var attributeSplat = Assert.IsType<SplatExpression>(Hcl.Expression("foo.*.bar"));
        Assert.False(attributeSplat.IsFullSplat);
        Assert.IsType<GetAttributeExpression>(attributeSplat.Each);
        var fullSplat = Assert.IsType<SplatExpression>(Hcl.Expression("foo[*].bar[0]"));
        Assert.True(fullSplat.IsFullSplat);
        Assert.IsType<IndexExpression>(fullSplat.Each);
    }

    // Found by the differential tests: HashiCorp scans digits, dots and exponents as one number token, so an
    // unquoted version number is an invalid number, not 1.2 indexed by .3.
    [Theory]
    [InlineData("a = 1.2.3\n", "1:5 Invalid number literal")]
    [InlineData("a = 1.50.0 + 1\n", "1:5 Invalid number literal")]
    [InlineData("a = 6.02e23.0\n", "1:5 Invalid number literal")]
    [InlineData("a = foo.0.1\n", "1:9 Invalid legacy index syntax")]
    public void DigitsDotsAndExponentsAreOneNumberToken(string text, string firstError) => Assert.Equal(firstError, Hcl.FirstError(text));

    // Found by the differential tests: hashicorp/hcl rejects a carriage return without a line feed inside a quoted
    // string or a heredoc (its literal characters exclude CR; only CR LF is a line break there).
    [Theory]
    [InlineData("a = \"x\ry\"\n")]
    [InlineData("a = <<EOT\nx\ry\nEOT\n")]
    [InlineData("a = <<EOT\r\nx\r\r\nEOT\r\n")]
    public void LoneCarriageReturnInATemplateIsRejected(string text) => Assert.True(Hcl.Parse(text).HasErrors);

    [Theory]
    [InlineData("a = \"x\"\r\nb = <<EOT\r\ny\r\nEOT\r\n")]
    [InlineData("a = <<-EOT\r\n  y\r\n  EOT\r\n")]
    public void CarriageReturnLineFeedStillEndsLines(string text) => Hcl.ParseValid(text);

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("2.5E-7")]
    [InlineData("1.name")]
    [InlineData("foo.0.name")]
    public void NumbersEndWhereHashiCorpsScannerEndsThem(string expression) => Hcl.Expression(expression);

    [Fact]
    public void ForExpressions()
    {
        var tuple = Assert.IsType<ForExpression>(Hcl.Expression("[for i, v in list : v if i > 0]"));
        Assert.False(tuple.IsObject);
        Assert.Equal("i", tuple.KeyVariable);
        Assert.NotNull(tuple.Condition);
        var obj = Assert.IsType<ForExpression>(Hcl.Expression("{for k, v in map : v => k...}"));
        Assert.True(obj.IsObject);
        Assert.True(obj.IsGrouping);
        Assert.NotNull(obj.KeyExpression);
    }

    [Fact]
    public void ObjectsWithBothSeparatorsAndKeyNames()
    {
        var obj = Assert.IsType<ObjectExpression>(Hcl.Expression("{\n  a = 1, \"b\": 2\n  15 = 3\n  true = 4\n  (x) = 5\n  \"${y}\" = 6\n}"));
        Assert.Equal(["a", "b", "15", "true", null, null], obj.Items.Select(i => i.KeyName));
    }

    [Fact]
    public void TuplesAllowTrailingCommasAndNewlines()
    {
        var tuple = Assert.IsType<TupleExpression>(Hcl.Expression("[\n 1,\n 2,\n]"));
        Assert.Equal(2, tuple.Elements.Count);
    }

    [Fact]
    public void OneLineBlocks()
    {
        var block = Hcl.ParseValid("a { b = 1 }\nc {}\n").Body.Blocks[0];
        Assert.Equal("b", Assert.Single(block.Body.Attributes).Name);
    }

    [Theory]
    [InlineData("a { b = 1, c = 2 }\n", "1:10 Invalid single-argument block definition")]
    [InlineData("a { b {} }\n", "1:5 Argument definition required")]
    [InlineData("a {\n", "1:3 Unclosed configuration block")]
    [InlineData("a = 1 b = 2\n", "1:7 Missing newline after argument")]
    [InlineData("a = 1\na = 2\n", "2:1 Attribute redefined")]
    [InlineData("\"a\" = 1\n", "1:1 Invalid argument name")]
    [InlineData("a b = 1\n", "1:5 Invalid block definition")]
    [InlineData("a = [1 2]\n", "1:8 Missing item separator")]
    [InlineData("a = f(1 2)\n", "1:9 Missing argument separator")]
    [InlineData("a = {x = 1 y = 2}\n", "1:12 Missing attribute separator")]
    [InlineData("a = x ? 1\n", "1:10 Missing false expression in conditional")]
    [InlineData("a = \"%{if x}y\"\n", "1:14 Unexpected end of template")]
    [InlineData("a = \"${x} %{ else }\"\n", "1:11 Unexpected else directive")]
    [InlineData("a = 1 ** 2\n", "1:7 Unsupported operator")]
    [InlineData("a = 1 & 2\n", "1:7 Unsupported operator")]
    [InlineData("a = \u201Cx\u201D\n", "1:5 Invalid character")]
    [InlineData("a = 1 + # why\nb = 2\n", "1:9 Invalid expression")]
    [InlineData("a {\n  b = // why\r\n}\n", "2:7 Invalid expression")]
    public void ReportsTheFirstErrorAtTheRightPlace(string text, string expected) => Assert.Equal(expected, Hcl.FirstError(text));

    [Fact]
    public void ALineCommentIsTheNewlineThatEndsIt()
    {
        // As hashicorp/hcl sees it: one newline token spanning the comment and its line break.
        var result = Hcl.Parse("a = 1 + # why\nb = 2\n");
        var error = result.Diagnostics[0];

        Assert.Equal(new SourceRange(new(1, 9, 8), new(2, 1, 14)), error.Range);
        Assert.Equal(["a", "b"], Hcl.ParseValid("a = 1 # one\nb = 2 // two\r\n# three").Body.Attributes.Select(x => x.Name));
    }

    [Fact]
    public void OneErrorDoesNotCascade()
    {
        var text = "a = [1, 2\nb = 1\nc = 2\nd = 3\nblock {\n  e = 4\n}\n";
        var result = Hcl.Parse(text);
        Assert.InRange(result.Diagnostics.Count, 1, 2);
    }

    [Fact]
    public void ErrorsKeepThePartialTree()
    {
        var result = Hcl.Parse("a = 1\nb = (\nc = 3\n");
        Assert.True(result.HasErrors);
        Assert.Equal("a", result.Body.Attributes[0].Name);
    }

    [Fact]
    public void DeepNestingIsADiagnosticNotACrash()
    {
        var result = Hcl.Parse("a = " + new string('[', 100_000));
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Nesting too deep", error.Summary);
    }

    [Fact]
    public void LiteralValues()
    {
        Assert.Equal("3.14", ((HclNumber)Assert.IsType<LiteralExpression>(Hcl.Expression("3.140")).Value).ToString());
        Assert.Same(HclBool.True, Assert.IsType<LiteralExpression>(Hcl.Expression("true")).Value);
        Assert.Same(HclNull.Instance, Assert.IsType<LiteralExpression>(Hcl.Expression("null")).Value);
    }
}
