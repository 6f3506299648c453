using HomelabManager.Hcl.Tests.Conformance;
using Xunit.Abstractions;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// Differential tests against HashiCorp's own parser (see <see cref="Hcl2JsonReference"/>): the shared corpus read in
/// place, seeded generated valid inputs, and seeded mutations of them must get the same verdict from both parsers
/// (<see cref="DifferentialComparer"/>). Skipped, with a message saying how to install it, when Node or the package
/// is absent; the corpus part also when ../shared is absent.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>How many valid inputs the generator makes, and how many mutants of them.</summary>
    private const int GeneratedCount = 1500;

    private const int MutantCount = 1500;

    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceVerdict>> CorpusVerdicts = new(() =>
    {
        var files = new[] { "hcl-spec", "nomad-jobs" }
            .SelectMany(folder => CorpusLocator.Cases(folder)
                .Where(name => name != CorpusLocator.MissingCase)
                .Select(name => Path.Combine(CorpusLocator.CorpusRoot!, folder, name)));
        return Hcl2JsonReference.Run(files).ToDictionary(v => v.File, StringComparer.Ordinal);
    });

    public static TheoryData<string> HclSpecCases() => [.. CorpusLocator.Cases("hcl-spec")];

    public static TheoryData<string> NomadJobCases() => [.. CorpusLocator.Cases("nomad-jobs")];

    [Theory]
    [MemberData(nameof(HclSpecCases))]
    public void HclSpec_AgreesWithHashiCorp(string file) => RunCorpusCase("hcl-spec", file);

    [Theory]
    [MemberData(nameof(NomadJobCases))]
    public void NomadJobs_AgreesWithHashiCorp(string file) => RunCorpusCase("nomad-jobs", file);

    [Fact]
    public void GeneratedValidInputs_AgreeWithHashiCorp() =>
        RunBatch("generated", Enumerable.Range(1, GeneratedCount).Select(seed => ($"gen-{seed:D5}", HclGenerator.Generate(seed))));

    [Fact]
    public void MutatedInputs_AgreeWithHashiCorp() =>
        RunBatch("mutated", Enumerable.Range(1, MutantCount).Select(seed =>
            ($"mut-{seed:D5}", HclMutator.Mutate(HclGenerator.Generate(1 + (seed % GeneratedCount)), seed))));

    private bool Skip()
    {
        if (Hcl2JsonReference.MissingReason is { } reason)
        {
            output.WriteLine("SKIPPED: differential tests need HashiCorp's parser: " + reason);
            return true;
        }

        return false;
    }

    private void RunCorpusCase(string folder, string file)
    {
        if (Skip())
        {
            return;
        }

        if (file == CorpusLocator.MissingCase)
        {
            output.WriteLine($"SKIPPED: the shared corpus ({folder}) was not found next to the repository root; nothing to compare.");
            return;
        }

        var path = Path.Combine(CorpusLocator.CorpusRoot!, folder, file);
        var reference = CorpusVerdicts.Value[path];
        var ours = OurVerdict.Of(file, File.ReadAllText(path));
        var finding = DifferentialComparer.Compare($"{folder}/{file}", File.ReadAllText(path), reference, ours);
        Assert.True(finding is null, finding);
    }

    // Writes the inputs to a temporary folder, has HashiCorp's parser judge them in one batch, compares each.
    private void RunBatch(string category, IEnumerable<(string Name, string Text)> cases)
    {
        if (Skip())
        {
            return;
        }

        var inputs = cases.ToList();
        var folder = Directory.CreateTempSubdirectory("hcl-differential-");
        try
        {
            foreach (var (name, text) in inputs)
            {
                File.WriteAllText(Path.Combine(folder.FullName, name + ".hcl"), text);
            }

            var verdicts = Hcl2JsonReference.Run([folder.FullName]).ToDictionary(v => Path.GetFileNameWithoutExtension(v.File), StringComparer.Ordinal);
            var findings = new List<string>();
            int accepted = 0, rejected = 0;
            var divergences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, text) in inputs)
            {
                var reference = verdicts[name];
                var ours = OurVerdict.Of(name + ".hcl", text);
                var found = DifferentialComparer.Compare(name, text, reference, ours, out var divergence);
                if (divergence is not null)
                {
                    divergences[divergence] = divergences.GetValueOrDefault(divergence) + 1;
                }
                else if (found is { } finding)
                {
                    findings.Add(finding);
                    if (Environment.GetEnvironmentVariable("HCL_DIFFERENTIAL_REPORT") is { Length: > 0 } reportFolder)
                    {
                        Directory.CreateDirectory(reportFolder);
                        File.WriteAllText(Path.Combine(reportFolder, name + ".hcl"), text);
                    }
                }
                else if (reference.Accepted)
                {
                    accepted++;
                }
                else
                {
                    rejected++;
                }
            }

            output.WriteLine($"{category}: {inputs.Count} inputs ({inputs.Sum(i => i.Text.Length)} characters): "
                + $"{accepted} accepted by both, {rejected} rejected by both, {divergences.Values.Sum()} known divergences, "
                + $"{findings.Count} disagreements");
            foreach (var (reason, count) in divergences.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  known divergence ({count}): {reason}");
            }

            foreach (var finding in findings.Take(20))
            {
                output.WriteLine(finding);
            }

            // every finding, for working through a long list: HCL_DIFFERENTIAL_REPORT=folder
            if (Environment.GetEnvironmentVariable("HCL_DIFFERENTIAL_REPORT") is { Length: > 0 } report)
            {
                Directory.CreateDirectory(report);
                File.WriteAllText(Path.Combine(report, category + ".txt"), string.Join("\n", findings));
            }

            Assert.True(findings.Count == 0, $"{findings.Count} of {inputs.Count} {category} inputs disagree with HashiCorp's parser; the first:\n"
                + string.Join("\n", findings.Take(3)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
