using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>The whole life of a homelab against the doubles: deploy, no-op, edit, plan, prune.</summary>
public sealed class DeployEndToEndTests
{
    [RequiresNomadSchemaFact]
    public async Task Deploy_then_noop_then_edit_then_prune()
    {
        await using var cluster = await ClusterHarness.StartAsync();

        // First deploy: three jobs, a host volume, every deployment healthy.
        var first = await cluster.RunAsync("deploy");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Out + first.Error);
        Assert.Equal(3, cluster.Nomad.Requests.Count("PUT", "/v1/jobs"));
        Assert.Equal(["cloud-data"], cluster.Nomad.HostVolumeNames());
        Assert.Contains("web: deployment successful, 1/1 healthy", first.Out, StringComparison.Ordinal);
        Assert.Contains("deployed", first.Out, StringComparison.Ordinal);

        // Second deploy of the same homelab: one list call, nothing written.
        var before = cluster.Nomad.Requests.All.Count;
        var second = await cluster.RunAsync("deploy");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Out + second.Error);
        var requests = cluster.NomadRequestsSince(before);
        Assert.Single(requests, r => r.Method == "GET" && r.Path == "/v1/jobs");
        Assert.Empty(ClusterHarness.Writes(requests));
        Assert.Equal(["GET /v1/status/leader", "GET /v1/jobs?meta=true"], requests.Select(r => r.ToString()).ToList());
        Assert.Contains("Nothing to do: 3 job(s) up to date", second.Out, StringComparison.Ordinal);

        // Edit one image: plan shows exactly that field, detailed exit code 2.
        cluster.WriteService("web", "nginx:1.28");
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Out + plan.Error);
        Assert.Contains("~ web", plan.Out, StringComparison.Ordinal);
        Assert.Contains("~ image: \"nginx:1.27\" => \"nginx:1.28\"", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("homelab-manager-", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to update, 2 unchanged.", plan.Out, StringComparison.Ordinal);

        // Deploy updates only that job.
        before = cluster.Nomad.Requests.All.Count;
        var update = await cluster.RunAsync("deploy");
        Assert.True(update.ExitCode == ExitCodes.Ok, update.Out + update.Error);
        var writes = ClusterHarness.Writes(cluster.NomadRequestsSince(before));
        var register = Assert.Single(writes);
        Assert.Equal("PUT /v1/jobs", register.ToString());
        using (var body = JsonDocument.Parse(register.Body))
        {
            Assert.Equal("web", body.RootElement.GetProperty("Job").GetProperty("ID").GetString());
            Assert.True(body.RootElement.GetProperty("EnforceIndex").GetBoolean());
            Assert.Equal("1", body.RootElement.GetProperty("Job").GetProperty("Meta").GetProperty("homelab-manager-expected-version").GetString());
        }

        var clean = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.Out + clean.Error);

        // Remove a service folder: plan lists the prune, deploy without --prune keeps it, --prune removes it.
        cluster.DeleteService("cache");
        var prunePlan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.Equal(2, prunePlan.ExitCode);
        Assert.Contains("- cache", prunePlan.Out, StringComparison.Ordinal);
        Assert.Contains("remove: service is gone", prunePlan.Out, StringComparison.Ordinal);

        var kept = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Ok, kept.ExitCode);
        Assert.Contains("deploy --prune removes them", kept.Out, StringComparison.Ordinal);

        before = cluster.Nomad.Requests.All.Count;
        var pruned = await cluster.RunAsync("deploy", "--prune");
        Assert.True(pruned.ExitCode == ExitCodes.Ok, pruned.Out + pruned.Error);
        Assert.Equal(["DELETE /v1/job/cache?purge=true"], ClusterHarness.Writes(cluster.NomadRequestsSince(before)).Select(r => r.ToString()).ToList());
        Assert.Contains("removed", pruned.Out, StringComparison.Ordinal);

        var final = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(final.ExitCode == ExitCodes.Ok, final.Out + final.Error);

        AssertNoCanary(cluster);
    }

    internal static void AssertNoCanary(ClusterHarness cluster)
    {
        foreach (var run in cluster.Runs)
        {
            Assert.DoesNotContain(ClusterHarness.CanarySecret, run.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(ClusterHarness.CanarySecret, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(cluster.Nomad.Requests.All, r => r.Body.Contains(ClusterHarness.CanarySecret, StringComparison.Ordinal));
        Assert.DoesNotContain(cluster.Vault.Requests.All, r => r.Body.Contains(ClusterHarness.CanarySecret, StringComparison.Ordinal));
    }
}
