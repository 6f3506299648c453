using BenchmarkDotNet.Attributes;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Bench.Hcl;

/// <summary>
/// HCL parse throughput of one parse on a heap without earlier trees: one parse per iteration, after the full
/// collection BenchmarkDotNet makes between iterations. This is how the program parses (each command parses its
/// files once, in a fresh process). Generated multi-MB files only: a corpus parse (under a millisecond) is too short
/// to time one at a time. Reported in MB/s.
/// </summary>
[InvocationCount(1)]
public class FreshHeapParseBenchmarks : ParseBenchmark
{
    /// <inheritdoc />
    [ParamsSource(nameof(Inputs))]
    public override string Input { get; set; } = string.Empty;

    /// <summary>The generated files of every size.</summary>
    public static IEnumerable<string> Inputs => ParseInputs.GeneratedSizes;

    /// <summary>
    /// Loads the input once and warms the parser up: with one parse per iteration, BenchmarkDotNet's few warm-up
    /// iterations would leave the JIT's first, unoptimised code in place (the shipped program is NativeAOT, compiled
    /// ahead of time), so a small file is parsed for a second first, for tiered compilation to finish.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        Load();
        var warmUp = new SourceText("warm-up", ParseInputs.GeneratedJobs(64 * 1024));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            HclParser.ParseFile(warmUp);
        }

        Thread.Sleep(TimeSpan.FromMilliseconds(250));
    }
}
