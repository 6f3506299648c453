using BenchmarkDotNet.Attributes;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Bench.Hcl;

/// <summary>HCL parse throughput: whole files to syntax tree plus diagnostics, reported in MB/s.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParseThroughputBenchmarks
{
    private SourceText _source = null!;

    /// <summary>Which input to parse.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = string.Empty;

    /// <summary>The inputs (see <see cref="ParseInputs"/>).</summary>
    public static IEnumerable<string> Inputs => ParseInputs.Names;

    /// <summary>Loads the input once.</summary>
    [GlobalSetup]
    public void Setup() => _source = new SourceText(Input, ParseInputs.Text(Input));

    /// <summary>Parses the input.</summary>
    [Benchmark]
    public int Parse() => HclParser.ParseFile(_source).Diagnostics.Count;
}
