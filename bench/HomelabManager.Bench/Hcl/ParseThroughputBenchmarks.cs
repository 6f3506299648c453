using BenchmarkDotNet.Attributes;

namespace HomelabManager.Bench.Hcl;

/// <summary>
/// HCL parse throughput, back to back: BenchmarkDotNet's usual steady state, many parses in one long-lived process,
/// so each parse also pays for collecting the trees of the ones before it and for the collections that copy its own
/// tree while it is being built. Reported in MB/s.
/// </summary>
public class ParseThroughputBenchmarks : ParseBenchmark
{
    /// <inheritdoc />
    [ParamsSource(nameof(Inputs))]
    public override string Input { get; set; } = string.Empty;

    /// <summary>The corpus (when present) and the generated files of every size.</summary>
    public static IEnumerable<string> Inputs =>
        ParseInputs.Names.Where(name => !name.StartsWith("generated-", StringComparison.Ordinal)).Concat(ParseInputs.GeneratedSizes);

    /// <summary>Loads the input once.</summary>
    [GlobalSetup]
    public void Setup() => Load();
}
