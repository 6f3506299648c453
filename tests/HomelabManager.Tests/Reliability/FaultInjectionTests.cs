using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// Faults on every endpoint a clean <c>deploy</c> uses, in turn (the list comes from the clean run's recorded
/// requests): 503, 429, dropped connections and timeouts that outlast every retry. After each faulted deploy the
/// JSON report matches what Nomad holds; with the fault gone a re-run converges with no job lost or duplicated.
/// Failing deployments are injected per job in turn.
/// </summary>
public sealed class FaultInjectionTests
{
    /// <summary>Attempt timeout of the timeout runs; the injected latency is far longer.</summary>
    private static readonly TimeSpan ShortAttempt = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_clean_deploy_uses_the_expected_endpoints()
    {
        var endpoints = await CleanRunEndpointsAsync();

        var names = endpoints.Select(e => e.ToString()).ToList();
        Assert.Contains("nomad PUT /v1/jobs", names);
        Assert.Contains(names, n => n.StartsWith("vault GET ", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("nomad GET /v1/deployment", StringComparison.Ordinal)
            || n.StartsWith("nomad GET /v1/job/", StringComparison.Ordinal));
        Assert.True(endpoints.Count >= 6, string.Join("\n", names));
    }

    [Theory]
    [InlineData("503")]
    [InlineData("429")]
    [InlineData("drop")]
    [InlineData("timeout")]
    public async Task A_fault_on_each_endpoint_in_turn_is_reported_exactly_and_a_rerun_converges(string kind)
    {
        var endpoints = await CleanRunEndpointsAsync();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            try
            {
                await RunWithFaultAsync(endpoint, kind);
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures.Add($"{endpoint} ({kind}): {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [InlineData("cache")]
    [InlineData("cloud")]
    [InlineData("web")]
    public async Task A_failing_deployment_of_each_job_in_turn_is_reported_and_a_rerun_converges(string failing)
    {
        await using var lab = await FaultLab.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await lab.RunAsync(null, CancellationToken.None, "deploy")).ExitCode);
        lab.Cluster.WriteService("web", "nginx:1.28");
        lab.Cluster.WriteService("cache", "redis:7.2");
        lab.Cluster.Homelab.Write(Path.Combine("services", "cloud", "service.hcl"),
            File.ReadAllText(Path.Combine(lab.Cluster.Homelab.Directory, "services", "cloud", "service.hcl")).Replace("nextcloud:29", "nextcloud:30", StringComparison.Ordinal));
        lab.Cluster.Nomad.FailNextDeployment(failing);

        var result = await lab.RunAsync(null, CancellationToken.None, "deploy", "--output", "json", "--concurrency", "1");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        FaultLab.AssertNoStackTrace(result);
        using (var report = System.Text.Json.JsonDocument.Parse(result.Out))
        {
            Assert.False(report.RootElement.GetProperty("success").GetBoolean());
            var rows = report.RootElement.GetProperty("jobs").EnumerateArray()
                .ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetProperty("result").GetString());
            Assert.Equal(FaultLab.Desired.ToDictionary(j => j, j => (string?)(j == failing ? "rolled back" : "deployed")), rows);
            Assert.Equal(FaultLab.Desired, report.RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        }

        // Nomad reverted the failing job; the others run their new image.
        var images = new Dictionary<string, string> { ["web"] = "nginx:1.28", ["cache"] = "redis:7.2", ["cloud"] = "nextcloud:30" };
        var old = new Dictionary<string, string> { ["web"] = "nginx:1.27", ["cache"] = "redis:7", ["cloud"] = "nextcloud:29" };
        foreach (var job in FaultLab.Desired)
        {
            Assert.Equal(job == failing ? old[job] : images[job], await lab.Cluster.LiveImageAsync(job));
        }

        var rerun = await lab.RunAsync(null, CancellationToken.None, "deploy", "--output", "json", "--concurrency", "1");
        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.Out + rerun.Error);
        using (var report = System.Text.Json.JsonDocument.Parse(rerun.Out))
        {
            Assert.Equal([failing], report.RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
        }

        var live = await lab.LiveJobsAsync();
        Assert.Equal(FaultLab.Desired, live.Keys.Order(StringComparer.Ordinal));
        foreach (var job in FaultLab.Desired)
        {
            Assert.Equal(images[job], await lab.Cluster.LiveImageAsync(job));
            Assert.False(live[job].Stop);
        }

        // Versions: 0 first deploy, 1 the update; the failing job also has Nomad's revert (2) and the re-run (3).
        Assert.All(live, job => Assert.Equal(job.Key == failing ? 3UL : 1UL, job.Value.Version));
        Assert.Equal(ExitCodes.Ok, (await lab.RunAsync(null, CancellationToken.None, "plan", "--detailed-exitcode")).ExitCode);
    }

    /// <summary>The endpoints of a clean first deploy, one job at a time, Nomad's and Vault's.</summary>
    internal static async Task<IReadOnlyList<Endpoint>> CleanRunEndpointsAsync()
    {
        await using var lab = await FaultLab.StartAsync();
        var clean = await lab.RunAsync(null, CancellationToken.None, "deploy", "--output", "json", "--concurrency", "1");
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.Out + clean.Error);
        return [.. Endpoint.From("nomad", lab.Cluster.Nomad.Requests.All), .. Endpoint.From("vault", lab.Cluster.Vault.Requests.All)];
    }

    private static async Task RunWithFaultAsync(Endpoint endpoint, string kind)
    {
        await using var lab = await FaultLab.StartAsync();
        var (fault, options) = kind switch
        {
            "503" => (Fault.Status(503, "injected: no leader"), TestClients.Fast(retries: 2)),
            "429" => (Fault.TooManyRequests(TimeSpan.Zero), TestClients.Fast(retries: 2)),
            "drop" => (Fault.DropConnection(), TestClients.Fast(retries: 2)),
            _ => (Fault.Latency(TimeSpan.FromMinutes(5)), TestClients.Fast(retries: 1, attemptTimeout: ShortAttempt)),
        };
        endpoint.FaultsIn(lab.Cluster).Inject(endpoint.Route, fault, count: 10_000, method: endpoint.Method);

        var faulted = await lab.RunAsync(options, CancellationToken.None, "deploy", "--output", "json", "--concurrency", "1");

        // Whether a deployment is still running when first seen (so /v1/deployment/ID is read) depends on timing.
        if (endpoint.RequestsIn(lab.Cluster) > 0)
        {
            Assert.True(faulted.ExitCode == ExitCodes.Failure, $"a fault that outlasts every retry must fail the deploy; exit {faulted.ExitCode}\n{faulted.Out}{faulted.Error}");
        }

        await lab.AssertReportMatchesNomadAsync(faulted);
        await lab.AssertRerunConvergesAsync();
    }
}
