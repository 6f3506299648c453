using HomelabManager.Cli;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>Failed deployments, API faults and missing secrets: reported exactly, and a re-run converges.</summary>
public sealed class FailureAndFaultTests
{
    [RequiresNomadSchemaFact]
    public async Task A_failed_deployment_exits_1_reports_the_auto_revert_and_the_failed_task_events()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);

        cluster.Nomad.FailNextDeployment("web");
        cluster.WriteService("web", "nginx:1.28-broken");
        var failed = await cluster.RunAsync("deploy");

        Assert.Equal(ExitCodes.Failure, failed.ExitCode);
        Assert.Contains("web: deployment failed: Failed due to unhealthy allocations - rolling back to job version 0", failed.Out, StringComparison.Ordinal);
        Assert.Contains("Nomad rolled web back to job version 0 (auto-revert); rollback deployment: successful", failed.Out, StringComparison.Ordinal);
        Assert.Contains("task web:", failed.Out, StringComparison.Ordinal);
        Assert.Contains("Terminated: Exit Code: 1", failed.Out, StringComparison.Ordinal);
        Assert.Contains("Not Restarting: Exceeded allowed attempts", failed.Out, StringComparison.Ordinal);
        Assert.Contains("rolled back", failed.Out, StringComparison.Ordinal);
        Assert.Contains("Applied: web", failed.Out, StringComparison.Ordinal);
        Assert.Equal("nginx:1.27", await cluster.LiveImageAsync("web"));

        // Nomad's own rollback is not drift: the next deploy (fixed image) goes through.
        cluster.WriteService("web", "nginx:1.28");
        var fixedRun = await cluster.RunAsync("deploy");
        Assert.True(fixedRun.ExitCode == ExitCodes.Ok, fixedRun.Out + fixedRun.Error);
        Assert.Equal("nginx:1.28", await cluster.LiveImageAsync("web"));
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);
    }

    [RequiresNomadSchemaFact]
    public async Task Transient_faults_on_register_are_retried()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        cluster.Nomad.Faults
            .Inject("/v1/jobs", Fault.Status(503, "rpc error: no leader"), count: 1, method: "PUT")
            .Inject("/v1/jobs", Fault.DropConnection(), count: 1, method: "PUT")
            .Inject("/v1/jobs", Fault.TooManyRequests(TimeSpan.Zero), count: 1, method: "PUT");

        var result = await cluster.RunAsync("deploy");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Out + result.Error);
        Assert.Equal(0, cluster.Nomad.Faults.Pending);
        Assert.Equal(6, cluster.Nomad.Requests.Count("PUT", "/v1/jobs"));
        Assert.DoesNotContain("Not applied", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_register_that_keeps_failing_is_reported_with_exact_lists_and_a_rerun_converges()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        // One register plus three retries: the first job (cache) fails for good; the others go through.
        cluster.Nomad.Faults.Inject("/v1/jobs", Fault.Status(503, "upstream unavailable"), count: 4, method: "PUT");

        var partial = await cluster.RunAsync("deploy", "--concurrency", "1");

        Assert.Equal(ExitCodes.Failure, partial.ExitCode);
        Assert.Contains("failed cache: Nomad API: PUT /v1/jobs: HTTP 503 (after 4 attempts): upstream unavailable", partial.Out, StringComparison.Ordinal);
        Assert.Contains("Applied: cloud, web", partial.Out, StringComparison.Ordinal);
        Assert.Contains("Not applied: cache", partial.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", partial.Out + partial.Error, StringComparison.Ordinal);

        var before = cluster.Nomad.Requests.All.Count;
        var rerun = await cluster.RunAsync("deploy", "--output", "json");
        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.Out + rerun.Error);
        var write = Assert.Single(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("\"ID\":\"cache\"", write.Body, StringComparison.Ordinal);
        using var summary = System.Text.Json.JsonDocument.Parse(rerun.Out);
        Assert.True(summary.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(["cache"], summary.RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).ToList());
        var cache = summary.RootElement.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "cache");
        Assert.Equal("successful", cache.GetProperty("deployment").GetProperty("status").GetString());
    }

    [RequiresNomadSchemaFact]
    public async Task A_missing_vault_key_stops_the_deploy_before_any_write()
    {
        await using var cluster = await ClusterHarness.StartAsync(seedSecrets: false);
        cluster.Vault.Seed("secret", "cloud", new Dictionary<string, string> { ["admin_user"] = ClusterHarness.CanarySecret });

        var result = await cluster.RunAsync("deploy");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("vault:secret/cloud#admin_password (service cloud, env ADMIN_PASSWORD): the secret at path \"secret/cloud\" has no key \"admin_password\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", result.Error, StringComparison.Ordinal);
        Assert.Empty(ClusterHarness.Writes(cluster.Nomad.Requests.All));
        Assert.Empty(cluster.Nomad.HostVolumeNames());
        DeployEndToEndTests.AssertNoCanary(cluster);
    }

    [RequiresNomadSchemaFact]
    public async Task A_missing_secret_path_is_named()
    {
        await using var cluster = await ClusterHarness.StartAsync(seedSecrets: false);

        var result = await cluster.RunAsync("deploy", "cloud");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("vault:secret/cloud (service cloud, env ADMIN_USER, ADMIN_PASSWORD): no secret at path \"secret/cloud\"", result.Error, StringComparison.Ordinal);
        Assert.Empty(ClusterHarness.Writes(cluster.Nomad.Requests.All));
    }

    [RequiresNomadSchemaFact]
    public async Task An_invalid_homelab_exits_2_without_a_request()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        cluster.Homelab.Service("web", "service {\n  name = \"web\"\n  container { imgae = \"nginx\" }\n}\n");

        var deploy = await cluster.RunAsync("deploy");
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");

        Assert.Equal(ExitCodes.InvalidInput, deploy.ExitCode);
        Assert.Equal(ExitCodes.Failure, plan.ExitCode);
        Assert.Contains("Unsupported argument", deploy.Error, StringComparison.Ordinal);
        Assert.Empty(cluster.Nomad.Requests.All);
        Assert.Empty(cluster.Vault.Requests.All);
    }

    [RequiresNomadSchemaFact]
    public async Task An_unreachable_nomad_is_one_line_without_a_stack_trace()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var address = cluster.Nomad.BaseAddress;
        await cluster.Nomad.DisposeAsync();

        var result = await cluster.RunAsync("deploy", "web", "--nomad-addr", address.ToString());

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("error: Nomad is not ready: Nomad API: GET /v1/status/leader: connection failed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
