using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Deployment;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// A <see cref="ClusterHarness"/> (Nomad and Vault doubles, services <c>web</c>, <c>cloud</c>, <c>cache</c>) with
/// runs under chosen client options and cancellation, and the checks every fault test ends with: the report
/// matches what Nomad holds, and a re-run converges to exactly the desired jobs.
/// </summary>
internal sealed class FaultLab : IAsyncDisposable
{
    /// <summary>The jobs the harness's homelab wants.</summary>
    public static readonly string[] Desired = ["cache", "cloud", "web"];

    private FaultLab(ClusterHarness cluster)
    {
        Cluster = cluster;
    }

    public ClusterHarness Cluster { get; }

    public static async Task<FaultLab> StartAsync() => new(await ClusterHarness.StartAsync());

    /// <summary>Runs the CLI in the homelab with <paramref name="options"/> (default: fast, two retries).</summary>
    public async Task<CliResult> RunAsync(ApiClientOptions? options, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = Cluster.Environment;
        var host = new CliHost(output, error, name => variables.TryGetValue(name, out var value) ? value : null, Cluster.Homelab.Directory, OutIsTerminal: false)
        {
            ApiOptions = options ?? TestClients.Fast(retries: 2),
        };
        var exitCode = await HomelabCli.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The jobs Nomad holds now: ID → (Version, Stop).</summary>
    public async Task<Dictionary<string, (ulong Version, bool Stop)>> LiveJobsAsync()
    {
        using var http = new HttpClient { BaseAddress = Cluster.Nomad.BaseAddress };
        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("/v1/jobs", UriKind.Relative)));
        var jobs = new Dictionary<string, (ulong Version, bool Stop)>(StringComparer.Ordinal);
        foreach (var id in list.RootElement.EnumerateArray().Select(j => j.GetProperty("ID").GetString()!))
        {
            using var job = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/v1/job/{id}", UriKind.Relative)));
            jobs[id] = (job.RootElement.GetProperty("Version").GetUInt64(), job.RootElement.GetProperty("Stop").GetBoolean());
        }

        return jobs;
    }

    /// <summary>
    /// The JSON report of a deploy that started from an empty cluster says exactly what Nomad holds: applied = the
    /// jobs Nomad has; not applied = the rest of those it tried; success only with exit 0.
    /// </summary>
    public async Task AssertReportMatchesNomadAsync(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ClearFaults();
        AssertNoStackTrace(result);
        Assert.True(result.ExitCode is ExitCodes.Ok or ExitCodes.Failure, $"exit {result.ExitCode}\n{result.Out}{result.Error}");
        if (result.Out.Length == 0)
        {
            // Stopped before the deploy proper (e.g. Nomad not ready): one error line and nothing written.
            Assert.Equal(ExitCodes.Failure, result.ExitCode);
            Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
            Assert.Empty(await LiveJobsAsync());
            return;
        }

        using var report = JsonDocument.Parse(result.Out);
        var root = report.RootElement;
        Assert.Equal(result.ExitCode == ExitCodes.Ok, root.GetProperty("success").GetBoolean());
        var applied = Strings(root, "applied");
        var notApplied = Strings(root, "notApplied");
        var live = await LiveJobsAsync();
        Assert.Equal(live.Keys.Order(StringComparer.Ordinal), applied);
        Assert.Empty(applied.Intersect(notApplied));
        if (applied.Count + notApplied.Count > 0)
        {
            Assert.Equal(Desired, applied.Concat(notApplied).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.NotEmpty(Strings(root, "problems"));
        }

        foreach (var job in root.GetProperty("jobs").EnumerateArray())
        {
            var ok = job.GetProperty("ok").GetBoolean();
            Assert.Equal(ok, job.GetProperty("result").GetString() == "deployed");
        }
    }

    /// <summary>
    /// With the faults gone, deploy succeeds, Nomad holds exactly the desired jobs, each registered once (version 0:
    /// nothing lost, nothing registered twice), and plan sees nothing left to do.
    /// </summary>
    public async Task AssertRerunConvergesAsync()
    {
        ClearFaults();
        var rerun = await RunAsync(null, CancellationToken.None, "deploy", "--output", "json", "--concurrency", "1");
        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.Out + rerun.Error);
        var live = await LiveJobsAsync();
        Assert.Equal(Desired, live.Keys.Order(StringComparer.Ordinal));
        Assert.All(live, job => Assert.Equal((0UL, false), job.Value));
        var plan = await RunAsync(null, CancellationToken.None, "plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.Out + plan.Error);
    }

    /// <summary>The faults are "fixed": every double answers normally again.</summary>
    public void ClearFaults()
    {
        Cluster.Nomad.Faults.Clear();
        Cluster.Vault.Faults.Clear();
    }

    public static void AssertNoStackTrace(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Out + result.Error, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();

    private static List<string> Strings(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
}
