using System.Reflection;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Diagnostics;

public sealed class DiagnosticsTests
{
    [Fact]
    public void FormatsWithSourceLineAndCaret()
    {
        var source = new SourceText("main.hcl", "a { b = 1, c = 2 }\n");
        var result = Hcl.Parse(source.Text);
        var formatted = DiagnosticFormatter.Format(result.Diagnostics[0] with { Path = "main.hcl" }, source);
        Assert.Equal(
            "main.hcl:1:10: error: Invalid single-argument block definition; Single-line block syntax can include only one argument definition. "
            + "To define multiple arguments, use the multi-line block syntax with one argument definition per line. [HCL212]\n"
            + "  a { b = 1, c = 2 }\n"
            + "           ^",
            formatted);
    }

    [Fact]
    public void EveryFactoryHasItsOwnStableCode()
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var range = new SourceRange(SourcePosition.Start, SourcePosition.Start);
        foreach (var method in typeof(HclDiagnostics).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(SourceRange) ? range
                : p.ParameterType == typeof(uint) ? 1u : p.Name == "suggestion" ? string.Empty : p.Name is "reason" or "message" ? "x." : (object)"x").ToArray();
            var diagnostic = (Diagnostic)method.Invoke(null, arguments)!;
            Assert.Matches("^HCL[1-4][0-9][0-9]$", diagnostic.Code);
            Assert.False(codes.ContainsKey(diagnostic.Code), $"{diagnostic.Code} used by {method.Name} and {codes.GetValueOrDefault(diagnostic.Code)}");
            codes[diagnostic.Code] = method.Name;
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Summary));
            Assert.Matches("[.?]\"?$", diagnostic.Detail);
        }

        Assert.True(codes.Count > 60);
    }

    [Fact]
    public void LexicalDiagnosticsComeFirst()
    {
        var result = Hcl.Parse("a = (\nb = `x`\n");
        Assert.Equal("HCL103", result.Diagnostics[0].Code);
    }
}
