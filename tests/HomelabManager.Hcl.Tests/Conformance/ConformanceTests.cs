using System.Globalization;
using System.Text.Json;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;
using Xunit.Abstractions;

namespace HomelabManager.Hcl.Tests.Conformance;

/// <summary>
/// Runs every case of the shared corpus (hcl-spec and nomad-jobs): accepted inputs must parse without errors
/// and convert to JSON semantically equal to the expectation; rejected inputs must report their first error
/// at the stated line and column. Skipped (with a message) when the corpus is not present.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> HclSpecCases() => [.. CorpusLocator.Cases("hcl-spec")];

    public static TheoryData<string> NomadJobCases() => [.. CorpusLocator.Cases("nomad-jobs")];

    [Theory]
    [MemberData(nameof(HclSpecCases))]
    public void HclSpec(string file) => Run("hcl-spec", file);

    [Theory]
    [MemberData(nameof(NomadJobCases))]
    public void NomadJobs(string file) => Run("nomad-jobs", file);

    private void Run(string folder, string file)
    {
        if (file == CorpusLocator.MissingCase)
        {
            output.WriteLine($"SKIPPED: the shared corpus ({folder}) was not found next to the repository root; nothing to check.");
            return;
        }

        var path = Path.Combine(CorpusLocator.CorpusRoot!, folder, file);
        var (jsonPath, errorPath) = CorpusLocator.Expectations(path);
        Assert.True(jsonPath is not null || errorPath is not null, $"no expectation file for {file}");

        var source = new SourceText(file, File.ReadAllText(path));
        var parsed = HclParser.ParseFile(source);
        var converted = HclJson.Convert(parsed.Body, source);
        var diagnostics = parsed.Diagnostics.Concat(converted.Diagnostics).Where(d => d.IsError).ToList();
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        if (jsonPath is not null)
        {
            Assert.True(diagnostics.Count == 0, $"expected no errors, got:\n{string.Join('\n', diagnostics)}");
            using var expected = JsonDocument.Parse(File.ReadAllText(jsonPath));
            using var actual = JsonDocument.Parse(converted.Json);
            var difference = JsonSemanticComparer.FindDifference(expected.RootElement, actual.RootElement);
            if (difference is not null)
            {
                output.WriteLine(converted.Json);
            }

            Assert.True(difference is null, difference);
        }
        else
        {
            var position = File.ReadLines(errorPath!).First().Trim().Split(':');
            var line = int.Parse(position[0], CultureInfo.InvariantCulture);
            var column = int.Parse(position[1], CultureInfo.InvariantCulture);
            Assert.True(diagnostics.Count > 0, $"expected an error at {line}:{column}, got none");
            var first = diagnostics[0].Range.Start;
            Assert.True(first.Line == line && first.Column == column,
                $"expected the first error at {line}:{column}, got {diagnostics[0]}");
        }
    }
}
