using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Clients.Nomad;
using HomelabManager.Deployment;
using HomelabManager.Jobs;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>The planner's cost and bookkeeping, plan JSON, service selection and confirmations.</summary>
public sealed class PlanAndPromptTests
{
    [RequiresNomadSchemaFact]
    public async Task Planning_an_unchanged_homelab_costs_one_request_and_bookkeeping_is_not_a_change()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);
        var homelab = HomelabManager.Homelab.HomelabLoader.Load(cluster.Homelab.Directory, HomelabManager.Configuration.DictionaryVariables.Empty, p => p, _ => { });
        var desired = DesiredState.Select(HomelabManager.Homelab.HomelabJobs.Build(homelab), [], out _)!;
        using var nomad = TestClients.Nomad(cluster.Nomad);

        var before = cluster.Nomad.Requests.All.Count;
        var plan = await new DeploymentPlanner(nomad).PlanAsync(desired.Jobs, new PlanRequest { IncludeRemovals = true });

        Assert.Equal(["GET /v1/jobs?meta=true"], cluster.NomadRequestsSince(before).Select(r => r.ToString()).ToList());
        Assert.All(plan.Jobs, j => Assert.Equal(PlanAction.Unchanged, j.Action));
        Assert.False(plan.HasChanges);

        // The expected version and restart nonce never change the job hash.
        var job = desired.Jobs[0].Job;
        var withBookkeeping = JobBookkeeping.WithRestart(JobBookkeeping.ForRegister(job, 41), "nonce");
        Assert.Equal(NomadJobBuilder.ComputeJobHash(job), NomadJobBuilder.ComputeJobHash(withBookkeeping with { TaskGroups = job.TaskGroups }));
    }

    [RequiresNomadSchemaFact]
    public async Task An_unchanged_lab_costs_plan_one_Nomad_request_and_deploy_no_Vault_read()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy")).ExitCode);
        var nomadBefore = cluster.Nomad.Requests.All.Count;
        var vaultBefore = cluster.Vault.Requests.All.Count;

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.Out + plan.Error);
        Assert.Equal(["GET /v1/jobs?meta=true"], cluster.NomadRequestsSince(nomadBefore).Select(r => r.ToString()).ToList());

        nomadBefore = cluster.Nomad.Requests.All.Count;
        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(nomadBefore)));
        Assert.Equal(vaultBefore, cluster.Vault.Requests.All.Count);

        // --refresh plans every job with Nomad (drift of unchanged jobs), one request each.
        nomadBefore = cluster.Nomad.Requests.All.Count;
        var refreshed = await cluster.RunAsync("plan", "--refresh");
        Assert.True(refreshed.ExitCode == ExitCodes.Ok, refreshed.Out + refreshed.Error);
        Assert.Equal(3, cluster.NomadRequestsSince(nomadBefore).Count(r => r.Method == "PUT" && r.Path.EndsWith("/plan", StringComparison.Ordinal)));
    }

    [RequiresNomadSchemaFact]
    public async Task Plan_json_lists_every_job_with_its_action_and_diff()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("deploy", "web", "cache")).ExitCode);
        cluster.WriteService("cache", "redis:7.4");

        var result = await cluster.RunAsync("plan", "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Out + result.Error);
        using var plan = JsonDocument.Parse(result.Out);
        Assert.True(plan.RootElement.GetProperty("pending").GetBoolean());
        var summary = plan.RootElement.GetProperty("summary");
        Assert.Equal((1, 1, 1), (summary.GetProperty("create").GetInt32(), summary.GetProperty("update").GetInt32(), summary.GetProperty("unchanged").GetInt32()));
        var jobs = plan.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("id").GetString()!);
        Assert.Equal("create", jobs["cloud"].GetProperty("action").GetString());
        Assert.Equal("update", jobs["cache"].GetProperty("action").GetString());
        Assert.Equal(0UL, jobs["cache"].GetProperty("liveVersion").GetUInt64());
        Assert.Contains(jobs["cache"].GetProperty("diff").EnumerateArray(), l => l.GetString()!.Contains("image: \"redis:7\" => \"redis:7.4\"", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Selected_services_are_deployed_alone_and_prune_needs_the_whole_homelab()
    {
        await using var cluster = await ClusterHarness.StartAsync();

        var one = await cluster.RunAsync("deploy", "web");
        Assert.True(one.ExitCode == ExitCodes.Ok, one.Out + one.Error);
        Assert.Equal(1, cluster.Nomad.Requests.Count("PUT", "/v1/jobs"));
        Assert.Empty(cluster.Vault.Requests.All);

        var prune = await cluster.RunAsync("deploy", "web", "--prune");
        Assert.Equal(ExitCodes.InvalidInput, prune.ExitCode);
        var unknown = await cluster.RunAsync("deploy", "wbe");
        Assert.Equal(ExitCodes.InvalidInput, unknown.ExitCode);
        Assert.Contains("Did you mean \"web\"?", unknown.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task On_a_terminal_deploy_asks_first_and_no_means_nothing_is_written()
    {
        await using var cluster = await ClusterHarness.StartAsync();

        var declined = await cluster.RunInteractiveAsync("n\n", "deploy");
        Assert.Equal(ExitCodes.Failure, declined.ExitCode);
        Assert.Contains("Apply 3 job register(s)? [y/N]", declined.Out, StringComparison.Ordinal);
        Assert.Contains("Cancelled; nothing was applied.", declined.Out, StringComparison.Ordinal);
        Assert.Empty(ClusterHarness.Writes(cluster.Nomad.Requests.All));

        var accepted = await cluster.RunInteractiveAsync("y\n", "deploy");
        Assert.True(accepted.ExitCode == ExitCodes.Ok, accepted.Out + accepted.Error);
        Assert.Equal(3, cluster.Nomad.Requests.Count("PUT", "/v1/jobs"));

        cluster.DeleteService("cache");
        var prune = await cluster.RunInteractiveAsync("yes\n", "deploy", "--prune");
        Assert.True(prune.ExitCode == ExitCodes.Ok, prune.Out + prune.Error);
        Assert.Contains("Apply 1 removal(s) (cache)? [y/N]", prune.Out, StringComparison.Ordinal);

        // --yes never asks (stdin is not even read).
        cluster.WriteService("web", "nginx:1.28");
        var yes = await cluster.RunInteractiveAsync(string.Empty, "deploy", "--yes");
        Assert.True(yes.ExitCode == ExitCodes.Ok, yes.Out + yes.Error);
        Assert.DoesNotContain("[y/N]", yes.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependencies_are_registered_in_earlier_waves()
    {
        static PlannedJob Job(string id, params string[] dependsOn) =>
            new() { JobId = id, Service = id, Action = PlanAction.Create, DependsOn = dependsOn };

        var waves = DeploymentApplier.Waves([Job("app", "db", "cache"), Job("db"), Job("cache", "db"), Job("web")]);

        Assert.Equal(
            [["db", "web"], ["cache"], ["app"]],
            waves.Select(w => w.Select(j => j.JobId).Order(StringComparer.Ordinal).ToArray()).ToArray());
    }

    [Fact]
    public void Bookkeeping_meta_is_hidden_from_diffs()
    {
        var diff = new NomadJobDiff
        {
            Type = NomadDiffType.Edited,
            Fields =
            [
                new NomadFieldDiff { Type = NomadDiffType.Edited, Name = "Meta[homelab-manager-expected-version]", Old = "0", New = "1" },
                new NomadFieldDiff { Type = NomadDiffType.Edited, Name = "Meta[homelab-manager-job-hash]", Old = "a", New = "b" },
                new NomadFieldDiff { Type = NomadDiffType.Added, Name = "Meta[team]", New = "media" },
            ],
        };

        Assert.Equal(["+ Meta[team]: \"media\""], PlanDiffText.Lines(diff).Select(l => l.ToString()).ToList());
    }
}
