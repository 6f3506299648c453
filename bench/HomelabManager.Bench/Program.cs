using System.Diagnostics;
using BenchmarkDotNet.Running;
using HomelabManager.Bench.Hcl;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

if (args.Length > 0 && args[0] == "quick")
{
    // Quick Stopwatch harness for iterating: best-of-N MB/s per input (BenchmarkDotNet gives the real figures).
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    foreach (var name in ParseInputs.Names)
    {
        var text = ParseInputs.Text(name);
        var bytes = ParseInputs.Bytes(name);
        var best = double.MaxValue;
        var total = Stopwatch.StartNew();
        var runs = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        while (total.Elapsed.TotalSeconds < seconds || runs < 5)
        {
            var source = new SourceText(name, text);
            var sw = Stopwatch.StartNew();
            HclParser.ParseFile(source);
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            runs++;
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / runs;
        Console.WriteLine($"{name,-20} {bytes / 1e6,8:F2} MB  best {best * 1e3,8:F2} ms  {bytes / 1e6 / best,8:F1} MB/s  alloc {allocated / 1e6,8:F2} MB/run  ({runs} runs)");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
