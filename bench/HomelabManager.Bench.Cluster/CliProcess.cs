using System.Diagnostics;

namespace HomelabManager.Bench.Cluster;

/// <summary>Runs the homelab-manager binary as a whole process with only the cluster variables it is given.</summary>
/// <param name="Binary">The published binary.</param>
/// <param name="Directory">The homelab folder (<c>--dir</c>).</param>
/// <param name="Environment">NOMAD_ADDR, VAULT_ADDR, … for the doubles.</param>
internal sealed record CliProcess(string Binary, string Directory, IReadOnlyDictionary<string, string> Environment)
{
    private static readonly string[] ClusterPrefixes = ["NOMAD_", "VAULT_", "CONSUL_", "CLOUDFLARE_", "AWS_"];

    /// <summary>Runs <c>homelab-manager ARGS --dir DIR</c>; returns the exit code and the wall time of the whole process.</summary>
    public async Task<(int ExitCode, TimeSpan Wall, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(["--dir", Directory, "--no-color"]))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => ClusterPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        return (process.ExitCode, clock.Elapsed, await output + await error);
    }
}
