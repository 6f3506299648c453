using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Tests.Configuration;

internal static class LoaderTestHelpers
{
    public static ConfigurationLoadResult Parse(string yaml, params (string Name, string Value)[] variables) =>
        HomelabConfigurationLoader.Parse(new SourceText("homelab.yaml", yaml), Variables(variables));

    public static DictionaryVariables Variables(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value));

    /// <summary>The only diagnostic, asserted to have this code and start at line:column.</summary>
    public static Diagnostic SingleAt(ConfigurationLoadResult result, string code, int line, int column)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        AssertAt(diagnostic, code, line, column);
        return diagnostic;
    }

    public static void AssertAt(Diagnostic diagnostic, string code, int line, int column)
    {
        Assert.True(diagnostic.Code == code && diagnostic.Range.Start.Line == line && diagnostic.Range.Start.Column == column,
            $"expected {code} at {line}:{column}, got {diagnostic}");
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics);
}
