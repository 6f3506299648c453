using System.Globalization;

namespace HomelabManager.Bench.Cluster;

/// <summary>The command line of the cluster benchmark.</summary>
internal sealed record Arguments(string Cli, string Directory, int LatencyMs, int Changed, int Runs, string? Summary)
{
    /// <summary>Parses <c>--cli BINARY --dir LAB [--latency-ms N] [--changed N] [--runs N] [--summary FILE]</c>.</summary>
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"usage: --cli BINARY --dir LAB [--latency-ms 5] [--changed 50] [--runs 5] [--summary FILE]; {name} is missing");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new Arguments(
            Path.GetFullPath(Required("--cli")),
            Path.GetFullPath(Required("--dir")),
            Number("--latency-ms", 5),
            Number("--changed", 50),
            Number("--runs", 5),
            values.GetValueOrDefault("--summary"));
    }
}
