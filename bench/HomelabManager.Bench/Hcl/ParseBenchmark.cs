using BenchmarkDotNet.Attributes;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Bench.Hcl;

/// <summary>What the parse benchmarks share: the input by name, loaded once, parsed whole (tree plus diagnostics).</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public abstract class ParseBenchmark
{
    /// <summary>Which input to parse (a name of <see cref="ParseInputs"/>).</summary>
    public abstract string Input { get; set; }

    /// <summary>The loaded input.</summary>
    protected SourceText Source { get; private set; } = null!;

    /// <summary>Parses the input.</summary>
    [Benchmark]
    public int Parse() => HclParser.ParseFile(Source).Diagnostics.Count;

    /// <summary>Loads the input once.</summary>
    protected void Load() => Source = new SourceText(Input, ParseInputs.Text(Input));
}
