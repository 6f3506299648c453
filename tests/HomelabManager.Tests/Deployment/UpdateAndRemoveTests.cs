using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary><c>update</c> (new tag, or restart with a fresh pull) and <c>remove</c>.</summary>
public sealed class UpdateAndRemoveTests
{
    [RequiresNomadSchemaFact]
    public async Task Update_with_an_image_tag_rolls_the_service_and_says_deploy_returns_it()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);

        var before = cluster.Nomad.Requests.All.Count;
        var update = await cluster.RunAsync("update", "web", "--image", "1.29");

        Assert.True(update.ExitCode == ExitCodes.Ok, update.Out + update.Error);
        var write = Assert.Single(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("\"image\":\"nginx:1.29\"", write.Body, StringComparison.Ordinal);
        Assert.Equal("nginx:1.29", await cluster.LiveImageAsync("web"));
        Assert.Contains("web: deployment successful", update.Out, StringComparison.Ordinal);
        Assert.Contains("the next deploy returns it to nginx:1.27", update.Out, StringComparison.Ordinal);

        // The definition still says 1.27: plan shows the way back as a pending update, not as drift.
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("~ web", plan.Out, StringComparison.Ordinal);
        Assert.Contains("~ image: \"nginx:1.29\" => \"nginx:1.27\"", plan.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Update_without_an_image_restarts_with_a_fresh_pull_and_leaves_the_plan_clean()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);

        var before = cluster.Nomad.Requests.All.Count;
        var update = await cluster.RunAsync("update", "cloud");

        Assert.True(update.ExitCode == ExitCodes.Ok, update.Out + update.Error);
        var write = Assert.Single(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("\"force_pull\":true", write.Body, StringComparison.Ordinal);
        Assert.Contains("\"homelab-manager-restart\":", write.Body, StringComparison.Ordinal);
        Assert.Contains("restarted with a fresh pull of nextcloud:29", update.Out, StringComparison.Ordinal);

        // Restart bookkeeping is not a change: plan is clean and deploy writes nothing.
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);
        before = cluster.Nomad.Requests.All.Count;
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));

        // A second restart goes on top of the first (expected version 2).
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("update", "cloud")).ExitCode);
        Assert.Equal("2", (await cluster.LiveMetaAsync("cloud"))["homelab-manager-expected-version"]!.GetValue<string>());
        DeployEndToEndTests.AssertNoCanary(cluster);
    }

    [RequiresNomadSchemaFact]
    public async Task Update_refuses_an_undeployed_service_and_a_drifted_job()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var undeployed = await cluster.RunAsync("update", "web");
        Assert.Equal(ExitCodes.Failure, undeployed.ExitCode);
        Assert.Contains("web is not deployed yet", undeployed.Error, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);
        await cluster.EditLiveJobAsync("web", job => job["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"] = "nginx:hand-made");
        var drifted = await cluster.RunAsync("update", "web", "--image", "1.30");
        Assert.Equal(ExitCodes.Failure, drifted.ExitCode);
        Assert.Contains("--force rolls it anyway", drifted.Error, StringComparison.Ordinal);
        Assert.Equal("nginx:hand-made", await cluster.LiveImageAsync("web"));

        var forced = await cluster.RunAsync("update", "web", "--image", "1.30", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.Out + forced.Error);
        Assert.Equal("nginx:1.30", await cluster.LiveImageAsync("web"));

        var badImage = await cluster.RunAsync("update", "web", "--image", "Not A Tag");
        Assert.Equal(ExitCodes.InvalidInput, badImage.ExitCode);
    }

    [RequiresNomadSchemaFact]
    public async Task Remove_stops_purges_and_deletes_volumes_only_when_asked()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);

        var stop = await cluster.RunAsync("remove", "cloud");
        Assert.True(stop.ExitCode == ExitCodes.Ok, stop.Out + stop.Error);
        Assert.Contains("DELETE /v1/job/cloud?purge=false", cluster.Nomad.Requests.All.Select(r => r.ToString()));
        Assert.Contains("kept host volume(s): cloud-data", stop.Out, StringComparison.Ordinal);
        Assert.Contains("services/cloud still exists, so the next deploy starts cloud again", stop.Out, StringComparison.Ordinal);
        Assert.Equal(["cloud-data"], cluster.Nomad.HostVolumeNames());

        // The stopped job is started again by deploy (its service still exists) and is not mistaken for drift.
        var plan = await cluster.RunAsync("plan");
        Assert.Contains("update: job is stopped", plan.Out, StringComparison.Ordinal);

        cluster.DeleteService("cloud");
        var purge = await cluster.RunAsync("remove", "cloud", "--purge", "--delete-volumes", "--output", "json");
        Assert.True(purge.ExitCode == ExitCodes.Ok, purge.Out + purge.Error);
        using var report = JsonDocument.Parse(purge.Out);
        Assert.True(report.RootElement.GetProperty("purged").GetBoolean());
        Assert.Equal(["cloud-data"], report.RootElement.GetProperty("volumesDeleted").EnumerateArray().Select(e => e.GetString()).ToList());
        Assert.Empty(cluster.Nomad.HostVolumeNames());
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);

        var missing = await cluster.RunAsync("remove", "cloud");
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("Nomad has no job \"cloud\"", missing.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Remove_refuses_a_job_we_did_not_create()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.RegisterRawAsync(System.Text.Json.Nodes.JsonNode.Parse("""
            {"Job":{"ID":"legacy","Name":"legacy","Type":"service",
              "TaskGroups":[{"Name":"legacy","Tasks":[{"Name":"legacy","Driver":"docker","Config":{"image":"httpd:2"}}]}]}}
            """)!.AsObject());

        var result = await cluster.RunAsync("remove", "legacy", "--purge");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("was not created by homelab-manager", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Nomad.Requests.All, r => r.Method == "DELETE");
    }
}
