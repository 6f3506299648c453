using System.Text.Json.Nodes;
using HomelabManager.Cli;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>Jobs changed outside homelab-manager, and jobs it did not create.</summary>
public sealed class DriftAndConflictTests
{
    private static void SetImage(JsonObject job, string image) => job["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"] = image;

    [RequiresNomadSchemaFact]
    public async Task Drift_is_reported_never_overwritten_and_force_takes_it_back()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);

        // Someone runs the job by hand with another image; our Meta (hash, expected version 0) stays.
        await cluster.EditLiveJobAsync("web", job => SetImage(job, "nginx:1.25-hotfix"));

        // A plain plan does not look at unchanged jobs (one request); --refresh asks Nomad to plan each of them.
        var quick = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(quick.ExitCode == ExitCodes.Ok, quick.Out + quick.Error);
        var plan = await cluster.RunAsync("plan", "--detailed-exitcode", "--refresh");
        Assert.True(plan.ExitCode == 2, plan.Out + plan.Error);
        Assert.Contains("! web", plan.Out, StringComparison.Ordinal);
        Assert.Contains("drift: changed outside homelab-manager", plan.Out, StringComparison.Ordinal);
        Assert.Contains("~ image: \"nginx:1.25-hotfix\" => \"nginx:1.27\"", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 drifted, 2 unchanged.", plan.Out, StringComparison.Ordinal);

        // A changed definition would overwrite it: deploy reads the job, sees version 1 where it wrote 0, and refuses.
        cluster.WriteService("web", "nginx:1.28");
        var before = cluster.Nomad.Requests.All.Count;
        var refused = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("web: drift: changed outside homelab-manager: Nomad has version 1, homelab-manager last registered version 0", refused.Error, StringComparison.Ordinal);
        Assert.Contains("~ image: \"nginx:1.25-hotfix\" => \"nginx:1.28\"", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied (--force takes drifted jobs back).", refused.Error, StringComparison.Ordinal);
        Assert.Equal("nginx:1.25-hotfix", await cluster.LiveImageAsync("web"));

        // --force takes it back, and afterwards everything is in order.
        var forced = await cluster.RunAsync("deploy", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.Out + forced.Error);
        Assert.Equal("nginx:1.28", await cluster.LiveImageAsync("web"));
        Assert.Equal("2", (await cluster.LiveMetaAsync("web"))["homelab-manager-expected-version"]!.GetValue<string>());
        var clean = await cluster.RunAsync("plan", "--detailed-exitcode", "--refresh");
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.Out + clean.Error);
    }

    [RequiresNomadSchemaFact]
    public async Task Drift_of_an_unchanged_job_is_left_alone_by_deploy_and_taken_back_with_force()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);
        await cluster.EditLiveJobAsync("cache", job => job["TaskGroups"]![0]!["Count"] = 3);

        // Unchanged hash: deploy does not read the job (O(1)), so it writes nothing and overwrites nothing.
        var before = cluster.Nomad.Requests.All.Count;
        var noop = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Ok, noop.ExitCode);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));

        var plan = await cluster.RunAsync("plan", "--refresh");
        Assert.Contains("! cache", plan.Out, StringComparison.Ordinal);
        Assert.Contains("~ Count: \"3\" => \"1\"", plan.Out, StringComparison.Ordinal);

        // --force plans every job and re-registers the drifted one only.
        before = cluster.Nomad.Requests.All.Count;
        var forced = await cluster.RunAsync("deploy", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.Out + forced.Error);
        var write = Assert.Single(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("\"ID\":\"cache\"", write.Body, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode", "--refresh")).ExitCode);
    }

    [RequiresNomadSchemaFact]
    public async Task A_job_we_did_not_create_is_refused_and_adopt_takes_it_over()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await cluster.RegisterRawAsync(JsonNode.Parse("""
            {"Job":{"ID":"web","Name":"web","Type":"service","Meta":{"owner":"someone-else"},
              "TaskGroups":[{"Name":"web","Tasks":[{"Name":"web","Driver":"docker","Config":{"image":"httpd:2"}}]}]}}
            """)!.AsObject());

        var before = cluster.Nomad.Requests.All.Count;
        var refused = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
        Assert.Contains("web: conflict: a job with this ID exists that homelab-manager did not create", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--adopt", refused.Error, StringComparison.Ordinal);

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("x web", plan.Out, StringComparison.Ordinal);

        var adopted = await cluster.RunAsync("deploy", "--adopt");
        Assert.True(adopted.ExitCode == ExitCodes.Ok, adopted.Out + adopted.Error);
        Assert.Equal("nginx:1.27", await cluster.LiveImageAsync("web"));
        var meta = await cluster.LiveMetaAsync("web");
        Assert.Equal("homelab-manager", meta["managed-by"]!.GetValue<string>());
        Assert.Equal("1", meta["homelab-manager-expected-version"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);
    }
}
