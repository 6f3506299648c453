using System.Diagnostics;
using BenchmarkDotNet.Running;
using HomelabManager.Bench.Hcl;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

if (args.Length > 1 && args[0] == "dump")
{
    // Writes every input to DIR/NAME.hcl, so another parser (bench/hcl2json-throughput.mjs) measures the same bytes.
    Directory.CreateDirectory(args[1]);
    foreach (var name in ParseInputs.Names)
    {
        File.WriteAllText(Path.Combine(args[1], name + ".hcl"), ParseInputs.Text(name));
    }

    return;
}

if (args.Length > 0 && args[0] == "quick")
{
    // Quick Stopwatch harness for iterating: best-of-N MB/s per input (BenchmarkDotNet gives the real figures).
    // Usage: quick [seconds] [input-name-part]
    var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    foreach (var name in ParseInputs.Names)
    {
        if (args.Length > 2 && !name.Contains(args[2], StringComparison.Ordinal))
        {
            continue;
        }

        var text = ParseInputs.Text(name);
        var bytes = ParseInputs.Bytes(name);
        var best = double.MaxValue;
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var total = Stopwatch.StartNew();
        var runs = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseInRuns = 0.0;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        while (total.Elapsed.TotalSeconds < seconds || runs < 5)
        {
            var source = new SourceText(name, text);
            GC.Collect(); // as BenchmarkDotNet does between iterations: earlier results are not this run's garbage
            GC.WaitForPendingFinalizers();
            var pauseRun = GC.GetTotalPauseDuration();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            HclParser.ParseFile(source);
            sw.Stop();
            cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            times.Add(sw.Elapsed.TotalSeconds);
            pauseInRuns += (GC.GetTotalPauseDuration() - pauseRun).TotalMilliseconds;
            runs++;
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / runs;
        var pause = pauseInRuns / runs;
        times.Sort();
        var median = times[times.Count / 2];
        cpuTimes.Sort();
        var cpuMedian = cpuTimes[cpuTimes.Count / 2];
        var gcs = $"gc0/1/2 {(GC.CollectionCount(0) - gcBefore.Item1) / (double)runs:F1}/{(GC.CollectionCount(1) - gcBefore.Item2) / (double)runs:F1}/{(GC.CollectionCount(2) - gcBefore.Item3) / (double)runs:F1} per run, GC pause {pause:F2} ms/run";
        Console.WriteLine($"{name,-20} {bytes / 1e6,8:F2} MB  median {median * 1e3,7:F2} ms {bytes / 1e6 / median,6:F1} MB/s, best {best * 1e3,7:F2} ms {bytes / 1e6 / best,6:F1} MB/s, process CPU median {cpuMedian * 1e3,7:F2} ms {bytes / 1e6 / cpuMedian,6:F1} MB/s,  alloc {allocated / 1e6,8:F2} MB/run  ({runs} runs)  {gcs}");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
