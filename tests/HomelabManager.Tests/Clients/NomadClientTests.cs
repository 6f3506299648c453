using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Clients;

/// <summary>The Nomad client against the strict Nomad double: happy paths and the double's state machine.</summary>
public sealed class NomadClientTests
{
    [RequiresNomadSchemaFact]
    public async Task Register_creates_version_eval_and_deployment_that_progresses_to_successful()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job("nextcloud");

        var registered = await client.RegisterJobAsync(TestClients.Register(job, enforceIndex: 0));

        Assert.NotEmpty(registered.EvalId);
        Assert.Equal(string.Empty, registered.Warnings);
        var evaluation = await client.ReadEvaluationAsync(registered.EvalId);
        Assert.Equal("job-register", evaluation!.TriggeredBy);
        Assert.Equal("complete", evaluation.Status);
        var read = await client.ReadJobAsync("nextcloud");
        Assert.Equal(0UL, read!.Value.Version);
        Assert.Equal(registered.JobModifyIndex, read.Value.JobModifyIndex);
        Assert.False(read.Value.Stable);
        Assert.Equal("homelab-manager", read.Value.Meta!["managed-by"]);
        Assert.Equal("nextcloud:latest", read.Value.TaskGroups![0].Tasks![0].Config!.Value.GetProperty("image").GetString());
        var deployment = (await client.ReadLatestDeploymentAsync("nextcloud")).Value;
        Assert.Equal(NomadDeploymentStatus.Running, deployment!.Status);
        Assert.Equal(evaluation.DeploymentId, deployment.Id);
        Assert.Equal("pending", Assert.Single((await client.ListJobAllocationsAsync("nextcloud")).Value).ClientStatus);

        nomad.ProgressDeployments();

        deployment = (await client.ReadDeploymentAsync(deployment.Id))!.Value;
        Assert.Equal(NomadDeploymentStatus.Successful, deployment.Status);
        Assert.Equal("Deployment completed successfully", deployment.StatusDescription);
        Assert.Equal(1, deployment.TaskGroups!["nextcloud"].HealthyAllocs);
        var allocation = Assert.Single((await client.ListJobAllocationsAsync("nextcloud")).Value);
        Assert.Equal("running", allocation.ClientStatus);
        Assert.True(allocation.DeploymentStatus!.Healthy);
        Assert.Equal("running", allocation.TaskStates!["nextcloud"].State);
        Assert.Contains(allocation.TaskStates["nextcloud"].Events!, e => e.Type == "Started");
        var detail = await client.ReadAllocationAsync(allocation.Id);
        Assert.Equal(deployment.Id, detail!.DeploymentId);
        Assert.Equal("nextcloud", detail.Job!.Id);
        Assert.True((await client.ReadJobAsync("nextcloud"))!.Value.Stable);
        Assert.Equal("running", (await client.ReadJobAsync("nextcloud"))!.Value.Status);
    }

    [RequiresNomadSchemaFact]
    public async Task List_with_meta_returns_every_jobs_meta_and_modify_index_in_one_call()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job("pihole")));
        var minimal = await client.RegisterJobAsync(TestClients.Register(TestClients.Job("minimal")));

        var list = await client.ListJobsAsync();
        var withoutMeta = await client.ListJobsAsync(includeMeta: false);

        Assert.Equal(["minimal", "pihole"], list.Value.Select(j => j.Id));
        Assert.All(list.Value, j => Assert.Equal("homelab-manager", j.Meta!["managed-by"]));
        Assert.Equal(minimal.JobModifyIndex, list.Value[0].JobModifyIndex);
        Assert.Equal("default", list.Value[0].Namespace);
        Assert.Equal(1, list.Value[0].JobSummary!.Summary!["minimal"].Starting);
        Assert.All(withoutMeta.Value, j => Assert.Null(j.Meta));
        Assert.Equal(nomad.Index, list.Index);
        Assert.True(list.KnownLeader);
        Assert.Equal(2, nomad.Requests.Count("GET", "/v1/jobs"));
        Assert.Contains("meta=true", nomad.Requests.All.First(r => r.Method == "GET").Query, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Plan_returns_a_diff_without_changing_state()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job("nextcloud");
        var before = nomad.Index;

        var added = await client.PlanJobAsync(job);

        Assert.Equal(NomadDiffType.Added, added.Diff!.Type);
        Assert.Equal(0UL, added.JobModifyIndex);
        Assert.Equal(1UL, added.Annotations!.DesiredTaskGroupUpdates!["nextcloud"].Place);
        Assert.Equal(1UL, added.Diff.TaskGroups![0].Updates!["create"]);
        Assert.Equal(before, nomad.Index);
        Assert.Empty((await client.ListJobsAsync()).Value);

        var registered = await client.RegisterJobAsync(TestClients.Register(job, enforceIndex: added.JobModifyIndex));
        var same = await client.PlanJobAsync(job);
        var edited = await client.PlanJobAsync(TestClients.WithImage(job, "nextcloud:30"));
        var noDiff = await client.PlanJobAsync(job, diff: false);

        Assert.Equal(NomadDiffType.None, same.Diff!.Type);
        Assert.Equal(1UL, same.Annotations!.DesiredTaskGroupUpdates!["nextcloud"].Ignore);
        Assert.Equal(registered.JobModifyIndex, same.JobModifyIndex);
        Assert.Equal(NomadDiffType.Edited, edited.Diff!.Type);
        var task = Assert.Single(Assert.Single(edited.Diff.TaskGroups!).Tasks!);
        Assert.Equal(["forces create/destroy update"], task.Annotations);
        var config = Assert.Single(task.Objects!, o => o.Name == "Config");
        var image = Assert.Single(config.Fields!, f => f.Name == "image");
        Assert.Equal(("Edited", "nextcloud:latest", "nextcloud:30"), (image.Type, image.Old, image.New));
        Assert.Equal(1UL, edited.Annotations!.DesiredTaskGroupUpdates!["nextcloud"].DestructiveUpdate);
        Assert.Null(noDiff.Diff);
        Assert.Equal(0UL, (await client.ReadJobAsync("nextcloud"))!.Value.Version);
    }

    [RequiresNomadSchemaFact]
    public async Task Unchanged_register_writes_no_new_version()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job();

        var first = await client.RegisterJobAsync(TestClients.Register(job));
        var second = await client.RegisterJobAsync(TestClients.Register(job, enforceIndex: first.JobModifyIndex));

        Assert.Equal(first.JobModifyIndex, second.JobModifyIndex);
        Assert.Equal(0UL, (await client.ReadJobAsync("minimal"))!.Value.Version);
        Assert.Single((await client.ListJobDeploymentsAsync("minimal")).Value);
    }

    [RequiresNomadSchemaFact]
    public async Task EnforceIndex_conflicts_are_rejected_like_the_real_server_and_not_retried()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job();
        var first = await client.RegisterJobAsync(TestClients.Register(job, enforceIndex: 0));

        var exists = await Assert.ThrowsAsync<ApiException>(() => client.RegisterJobAsync(TestClients.Register(job, enforceIndex: 0)));
        var stale = await Assert.ThrowsAsync<ApiException>(() => client.RegisterJobAsync(TestClients.Register(TestClients.WithImage(job, "busybox:1.37"), enforceIndex: first.JobModifyIndex - 1)));
        var missing = await Assert.ThrowsAsync<ApiException>(() => client.RegisterJobAsync(TestClients.Register(TestClients.Job("pihole"), enforceIndex: 5)));
        var updated = await client.RegisterJobAsync(TestClients.Register(TestClients.WithImage(job, "busybox:1.37"), enforceIndex: first.JobModifyIndex));

        Assert.Equal("Enforcing job modify index 0: job already exists", exists.ServerMessage);
        Assert.Equal($"Enforcing job modify index {first.JobModifyIndex - 1}: job exists with conflicting job modify index: {first.JobModifyIndex}", stale.ServerMessage);
        Assert.Equal("Enforcing job modify index 5: job does not exist", missing.ServerMessage);
        Assert.All([exists, stale, missing], e =>
        {
            Assert.Equal(500, e.StatusCode);
            Assert.True(e.IsUserError);
            Assert.True(NomadErrors.IsEnforceIndexConflict(e));
            Assert.Equal(1, e.Attempts);
        });
        Assert.Equal(4, nomad.Requests.Count("PUT", "/v1/jobs") - 1);
        Assert.Equal(1UL, (await client.ReadJobAsync("minimal"))!.Value.Version);
        Assert.True(updated.JobModifyIndex > first.JobModifyIndex);
    }

    [RequiresNomadSchemaFact]
    public async Task Failed_deployment_auto_reverts_to_the_last_stable_version()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var job = TestClients.Job();
        await client.RegisterJobAsync(TestClients.Register(job));
        nomad.SettleDeployments();
        nomad.FailNextDeployment("minimal");

        await client.RegisterJobAsync(TestClients.Register(TestClients.WithImage(job, "busybox:broken")));
        nomad.ProgressDeployments();

        var deployments = (await client.ListJobDeploymentsAsync("minimal")).Value;
        var failed = deployments.Single(d => d.JobVersion == 1);
        Assert.Equal(NomadDeploymentStatus.Failed, failed.Status);
        Assert.Equal("Failed due to unhealthy allocations - rolling back to job version 0", failed.StatusDescription);
        Assert.Equal(1, failed.TaskGroups!["minimal"].UnhealthyAllocs);
        var reverted = (await client.ReadJobAsync("minimal"))!.Value;
        Assert.Equal(2UL, reverted.Version);
        Assert.Equal("busybox:1.36", reverted.TaskGroups![0].Tasks![0].Config!.Value.GetProperty("image").GetString());
        var broken = (await client.ListJobAllocationsAsync("minimal")).Value.Single(a => a.JobVersion == 1);
        Assert.Equal("failed", broken.ClientStatus);
        Assert.False(broken.DeploymentStatus!.Healthy);
        Assert.Contains(broken.TaskStates!["minimal"].Events!, e => e.Type == "Not Restarting" && e.FailsTask);

        nomad.SettleDeployments();

        Assert.Equal(NomadDeploymentStatus.Successful, (await client.ReadLatestDeploymentAsync("minimal")).Value!.Status);
        Assert.True((await client.ReadJobAsync("minimal"))!.Value.Stable);
        Assert.Equal(2UL, Assert.Single((await client.ListJobAllocationsAsync("minimal")).Value, a => a.DesiredStatus == "run").JobVersion);
    }

    [RequiresNomadSchemaFact]
    public async Task Deployments_progress_on_the_fake_clock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-08-21T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var nomad = await NomadDouble.StartAsync(new NomadDoubleOptions { Time = time, DeploymentDuration = TimeSpan.FromSeconds(30) });
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(NomadDeploymentStatus.Running, (await client.ReadLatestDeploymentAsync("minimal")).Value!.Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(NomadDeploymentStatus.Successful, (await client.ReadLatestDeploymentAsync("minimal")).Value!.Status);
    }

    [RequiresNomadSchemaFact]
    public async Task Blocking_query_returns_when_the_state_changes()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        var current = await client.ReadLatestDeploymentAsync("minimal");

        var blocked = client.ReadLatestDeploymentAsync("minimal", new NomadQueryOptions(current.Index, TimeSpan.FromSeconds(30)));
        await Task.Delay(50);
        Assert.False(blocked.IsCompleted);
        nomad.ProgressDeployments();
        var changed = await blocked.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(changed.Index > current.Index);
        Assert.Equal(NomadDeploymentStatus.Successful, changed.Value!.Status);
        Assert.Contains(nomad.Requests.All, r => r.Query.Contains($"index={current.Index}&wait=30s", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Stop_keeps_the_job_dead_and_purge_removes_it()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        nomad.SettleDeployments();

        var stopped = await client.StopJobAsync("minimal");
        var afterStop = (await client.ReadJobAsync("minimal"))!.Value;
        var purged = await client.StopJobAsync("minimal", purge: true);

        Assert.Equal("job-deregister", (await client.ReadEvaluationAsync(stopped.EvalId))!.TriggeredBy);
        Assert.True(afterStop.Stop);
        Assert.Equal("dead", afterStop.Status);
        Assert.Equal("complete", Assert.Single((await client.ListJobAllocationsAsync("minimal")).Value).ClientStatus);
        Assert.NotEmpty(purged.EvalId);
        Assert.Null(await client.ReadJobAsync("minimal"));
        Assert.Contains(nomad.Requests.All, r => r.Method == "DELETE" && r.Query.Contains("purge=true", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Unknown_objects_read_as_null()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);

        Assert.Null(await client.ReadJobAsync("nope"));
        Assert.Null(await client.ReadEvaluationAsync("8e1f0000-0000-0000-0000-000000000000"));
        Assert.Null(await client.ReadDeploymentAsync("8e1f0000-0000-0000-0000-000000000000"));
        Assert.Null(await client.ReadAllocationAsync("8e1f0000-0000-0000-0000-000000000000"));
        Assert.Null(await client.ReadHostVolumeAsync("8e1f0000-0000-0000-0000-000000000000"));
        Assert.Null((await client.ReadLatestDeploymentAsync("nope")).Value);
        Assert.Empty((await client.ListJobAllocationsAsync("nope")).Value);
    }

    [RequiresNomadSchemaFact]
    public async Task Namespace_and_region_from_settings_go_on_every_request()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var apps = new NomadClient(new NomadSettings { Address = nomad.BaseAddress, Namespace = "apps", Region = "home" }, TestClients.Fast());
        using var defaults = TestClients.Nomad(nomad);

        await apps.RegisterJobAsync(TestClients.Register(TestClients.Job()));

        Assert.Equal("apps", Assert.Single((await apps.ListJobsAsync()).Value).Namespace);
        Assert.Empty((await defaults.ListJobsAsync()).Value);
        Assert.All(nomad.Requests.All.Take(2), r => Assert.Contains("namespace=apps&region=home", r.Query, StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Stats_host_volumes_agent_and_leader()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        nomad.SettleDeployments();
        var allocation = nomad.RunningAllocations("minimal")[0];

        var stats = await client.ReadAllocationStatsAsync(allocation);
        var created = await client.CreateHostVolumeAsync(new NomadHostVolume
        {
            Name = "nextcloud-data",
            RequestedCapabilities = [new NomadHostVolumeCapability("file-system", "single-node-writer")],
        });
        var volumes = await client.ListHostVolumesAsync();
        var volume = await client.ReadHostVolumeAsync(created.Volume!.Id);
        var self = await client.ReadAgentSelfAsync();
        var leader = await client.ReadLeaderAsync();

        Assert.Equal(1486848UL, stats.ResourceUsage!.MemoryStats!.RSS);
        Assert.Equal(0.14, stats.Tasks!["minimal"].ResourceUsage!.CpuStats!.Percent);
        Assert.Equal("ready", created.Volume.State);
        Assert.Equal("nextcloud-data", Assert.Single(volumes).Name);
        Assert.Equal("file-system", volume!.RequestedCapabilities![0].AttachmentMode);
        Assert.Equal("2.0.5", self.Config!.Version!.Version);
        Assert.False(self.Config.Acl!.Enabled);
        Assert.Equal("true", self.Stats!["nomad"]["leader"]);
        Assert.Equal("127.0.0.1:4647", leader);
        Assert.Contains(nomad.Requests.All, r => r.Path == "/v1/volumes" && r.Query.Contains("type=host", StringComparison.Ordinal));
    }
}
