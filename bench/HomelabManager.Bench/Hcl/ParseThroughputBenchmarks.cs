using BenchmarkDotNet.Attributes;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Bench.Hcl;

/// <summary>
/// HCL parse throughput, back to back: BenchmarkDotNet's usual steady state, many parses in one long-lived process,
/// so each parse also pays for collecting the trees of the ones before it and for the collections that copy its own
/// tree while it is being built. Reported in MB/s.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseThroughputBenchmarks
{
    private SourceText _source = null!;

    /// <summary>Which input to parse.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = string.Empty;

    /// <summary>The corpus (when present) and the generated files of every size.</summary>
    public static IEnumerable<string> Inputs => ParseInputs.Names.Where(name => !name.StartsWith("generated-", StringComparison.Ordinal)).Concat(ParseInputs.GeneratedSizes);

    /// <summary>Loads the input once.</summary>
    [GlobalSetup]
    public void Setup() => _source = new SourceText(Input, ParseInputs.Text(Input));

    /// <summary>Parses the input.</summary>
    [Benchmark]
    public int Parse() => HclParser.ParseFile(_source).Diagnostics.Count;
}
