using System.Text;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Robustness;

/// <summary>Pathological, self-contained inputs: deep nesting, megabytes of brackets, everything unterminated.</summary>
public sealed class GeneratedInputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    public static TheoryData<string> Cases() =>
    [
        "brackets-1mb", "braces-1mb", "parens-1mb", "interpolations", "minus", "bang", "dots", "indexes", "splats",
        "blocks", "if-directives", "heredocs", "emoji-line", "attributes", "unterminated", "invalid-bytes",
    ];

    private static string Input(string name) => name switch
    {
        "brackets-1mb" => "a = " + new string('[', 1 << 20),
        "braces-1mb" => "a = " + new string('{', 1 << 20),
        "parens-1mb" => "a = " + new string('(', 1 << 20),
        "interpolations" => "a = " + Repeat("\"${", 100_000),
        "minus" => "a = " + new string('-', 200_000) + "1\n",
        "bang" => "a = " + new string('!', 200_000) + "true\n",
        "dots" => "a = x" + Repeat(".y", 200_000) + "\n",
        "indexes" => "a = x" + Repeat("[y", 100_000),
        "splats" => "a = x" + Repeat("[*]", 100_000) + "\n",
        "blocks" => Repeat("a {\n", 100_000),
        "if-directives" => "a = \"" + Repeat("%{ if x }", 50_000) + "\"\n",
        "heredocs" => "a = " + Repeat("<<EOT\n${", 50_000),
        "emoji-line" => "a = [" + Repeat("\"😀\", 1 + 2, ", 60_000) + "]\n",
        "attributes" => Repeat("a = \"x ${y} z\"\nb { c = [1, 2] }\n", 20_000).Replace("a = ", "a", StringComparison.Ordinal),
        "unterminated" => "a = \"\nb = <<EOT\nc = [\nd = {\ne = (\nf = g(\nh = \"${\ni = \"%{ for\nj \"x\n/*",
        "invalid-bytes" => Encoding.UTF8.GetString([.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7919 % 256))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void HandledQuicklyWithoutCrashing(string name) => RobustnessChecks.ParseConvertEvaluate(Input(name), Limit);

    [Theory]
    [InlineData("a = \"", 1)]
    [InlineData("a = [", 1)]
    [InlineData("a = {", 1)]
    [InlineData("a = f(", 1)]
    [InlineData("a = <<EOT\n", 1)]
    [InlineData("a {", 1)]
    public void UnterminatedInputsGiveFewDiagnostics(string text, int expected)
    {
        var result = HclParser.ParseFile(new SourceText("t.hcl", text));
        Assert.InRange(result.Diagnostics.Count, expected, expected + 1);
    }
}
