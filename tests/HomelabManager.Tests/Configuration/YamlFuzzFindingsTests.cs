using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using static HomelabManager.Tests.Configuration.LoaderTestHelpers;

namespace HomelabManager.Tests.Configuration;

/// <summary>
/// Inputs the homelab.yaml fuzz target (fuzz/run.sh yaml) found to crash the loader, minimised by the fuzzer. Each
/// must load into diagnostics that print with their source line, never throw.
/// </summary>
public class YamlFuzzFindingsTests
{
    [Theory]
    [InlineData("- [\n.")] // YamlDotNet's scanner: InvalidOperationException in a plain scalar cut off in a flow sequence
    [InlineData("!!str[")] // YamlDotNet's parser: ArgumentException "Global tags must be valid URIs"
    [InlineData(" \0: !")] // YamlDotNet's representation model: ArgumentException "current event is of an unsupported type"
    [InlineData("\r\n...\r\n...\r\n\t\uFFFD\uFFFD8\b${")] // YamlDotNet's parser: InvalidOperationException "no more tokens"
    public void A_failure_of_the_yaml_reader_is_a_syntax_error(string yaml)
    {
        var result = Parse(yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM102", diagnostic.Code);
        Assert.DoesNotContain("Parameter", diagnostic.Detail, StringComparison.Ordinal); // no exception plumbing in the message
        Assert.Null(result.Configuration);
        AssertPrintable(yaml, result.Diagnostics);
    }

    [Theory]
    [InlineData("---")] // a mark past the end of the text made RangeOf throw (Math.Clamp with min > max)
    [InlineData("--- ")]
    [InlineData("---\n")]
    public void A_mark_past_the_end_of_the_text_is_clamped(string yaml)
    {
        var result = Parse(yaml);

        Assert.All(result.Diagnostics, d => Assert.InRange(d.Range.End.Offset, d.Range.Start.Offset, yaml.Length));
        AssertPrintable(yaml, result.Diagnostics);
    }

    private static void AssertPrintable(string yaml, IEnumerable<Diagnostic> diagnostics)
    {
        var source = new SourceText("homelab.yaml", yaml);
        Assert.All(diagnostics, d => Assert.NotEmpty(DiagnosticFormatter.Format(d, source)));
    }
}
