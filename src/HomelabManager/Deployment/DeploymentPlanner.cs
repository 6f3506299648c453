using HomelabManager.Clients.Nomad;
using HomelabManager.Jobs;

namespace HomelabManager.Deployment;

/// <summary>
/// The one planner behind plan, deploy, update and remove. It compares the homelab's jobs with Nomad's and
/// returns an immutable <see cref="DeploymentPlan"/>; it never writes.
/// </summary>
/// <remarks>
/// <para>Cost: one <c>GET /v1/jobs?meta=true</c> classifies every job by its Meta (ownership, job hash, stop
/// flag). An unchanged homelab costs exactly that request. Each changed, stopped or adopted job costs one
/// <c>GET /v1/job/:id</c> for its <c>Version</c> and <c>JobModifyIndex</c> (the list has no version); the register
/// later enforces that index. <see cref="PlanRequest.DiffAll"/> adds one Nomad plan per job.</para>
/// <para>Drift: our register records the version it produces in Meta (<c>homelab-manager-expected-version</c>).
/// A changed job whose live version differs was registered by someone else since: it is reported as
/// <see cref="PlanAction.Drift"/>, not overwritten. The one exception is Nomad's own auto-revert (a failed
/// deployment whose description says <c>rolling back to job version E</c>, and whose next version is the live
/// one). A job whose hash is unchanged is not read; its drift shows when Nomad is asked to plan it (plan, and
/// deploy <c>--force</c>): a diff other than <c>None</c> against the job as we deployed it.</para>
/// </remarks>
internal sealed class DeploymentPlanner(INomadClient nomad)
{
    /// <summary>Plans <paramref name="desired"/> against the cluster.</summary>
    public async Task<DeploymentPlan> PlanAsync(IReadOnlyList<DesiredJob> desired, PlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(request);
        var listed = await nomad.ListJobsAsync(includeMeta: true, cancellationToken: cancellationToken);
        var live = listed.Value
            .Where(stub => stub.ParentId.Length == 0)
            .GroupBy(stub => stub.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var entries = new PlannedJob[desired.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, desired.Count), options, async (i, ct) =>
        {
            var job = desired[i];
            entries[i] = await RefineAsync(job, Classify(job, live.GetValueOrDefault(job.Id), request), request, ct);
        });

        var result = entries.ToList();
        if (request.IncludeRemovals)
        {
            var wanted = desired.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            result.AddRange(live.Values
                .Where(stub => IsManaged(stub.Meta) && !wanted.Contains(stub.Id))
                .OrderBy(stub => stub.Id, StringComparer.Ordinal)
                .Select(stub => new PlannedJob
                {
                    JobId = stub.Id,
                    Action = PlanAction.Remove,
                    Live = stub,
                    Reason = stub.Stop ? "service is gone (job already stopped)" : "service is gone",
                }));
        }

        return new DeploymentPlan(result, request.IncludeRemovals);
    }

    /// <summary>True when <paramref name="meta"/> says homelab-manager created the job.</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string>? meta) =>
        meta?.GetValueOrDefault(JobMetaKeys.ManagedBy) == JobMetaKeys.ManagedByValue;

    /// <summary>The first decision, from the list alone.</summary>
    private static PlannedJob Classify(DesiredJob desired, NomadJobListStub? live, PlanRequest request)
    {
        var entry = new PlannedJob
        {
            JobId = desired.Id,
            Service = desired.Service,
            DependsOn = desired.DependsOn,
            Live = live,
            Action = PlanAction.Unchanged,
            Job = desired.Job,
        };
        if (live is null)
        {
            return entry with { Action = PlanAction.Create, Reason = "new job", Job = JobBookkeeping.ForRegister(desired.Job, 0) };
        }

        if (!IsManaged(live.Meta))
        {
            return request.Adopt
                ? entry with { Action = PlanAction.Update, Reason = "adopted (was not created by homelab-manager)", Adopted = true }
                : entry with
                {
                    Action = PlanAction.Conflict,
                    Reason = "a job with this ID exists that homelab-manager did not create (no Meta managed-by = homelab-manager); use --adopt to take it over",
                };
        }

        if (live.Stop)
        {
            return entry with { Action = PlanAction.Update, Reason = "job is stopped" };
        }

        var liveHash = live.Meta?.GetValueOrDefault(JobMetaKeys.JobHash);
        return liveHash != desired.Hash
            ? entry with { Action = PlanAction.Update, Reason = "definition changed" }
            : entry with { Job = JobBookkeeping.AsDeployed(desired.Job, live.Meta) };
    }

    /// <summary>Reads and plans what the first decision leaves open.</summary>
    private async Task<PlannedJob> RefineAsync(DesiredJob desired, PlannedJob entry, PlanRequest request, CancellationToken cancellationToken)
    {
        if (entry.Action == PlanAction.Conflict)
        {
            return request.DiffAll || request.DiffChanged ? await WithDiffAsync(entry, JobBookkeeping.ForRegister(desired.Job, 0), cancellationToken) : entry;
        }

        var read = entry.Action == PlanAction.Update || (entry.Action == PlanAction.Unchanged && request.InspectAll);
        if (read)
        {
            entry = await ReadAsync(desired, entry, cancellationToken);
        }

        if (entry.Action == PlanAction.Drift || request.DiffAll || (request.DiffChanged && entry.IsWrite))
        {
            var planned = entry.Action == PlanAction.Drift ? JobBookkeeping.ForRegister(desired.Job, entry.ExpectedVersion) : entry.Job!;
            entry = await WithDiffAsync(entry, planned, cancellationToken);
            if (entry.Action == PlanAction.Unchanged && entry.Diff is { Type: not NomadDiffType.None })
            {
                entry = entry with { Action = PlanAction.Drift, Reason = "changed outside homelab-manager (Nomad's plan differs from what homelab-manager deployed)" };
            }
        }

        if (entry.Action == PlanAction.Drift && request.Force)
        {
            if (entry.LiveVersion is null)
            {
                entry = await ReadAsync(desired, entry, cancellationToken);
            }

            entry = entry with
            {
                Action = PlanAction.Update,
                Forced = true,
                Reason = "taken back (--force): " + entry.Reason,
                Job = JobBookkeeping.ForRegister(desired.Job, entry.ExpectedVersion),
            };
        }

        return entry;
    }

    /// <summary>Reads the live job: version, modify index, and the drift check for changed jobs.</summary>
    private async Task<PlannedJob> ReadAsync(DesiredJob desired, PlannedJob entry, CancellationToken cancellationToken)
    {
        var detail = (await nomad.ReadJobAsync(desired.Id, cancellationToken: cancellationToken))?.Value;
        if (detail is null)
        {
            // Purged between the list and the read.
            return entry with { Action = PlanAction.Create, Reason = "new job", Live = null, Job = JobBookkeeping.ForRegister(desired.Job, 0) };
        }

        var next = detail.Version + 1;
        entry = entry with { LiveVersion = detail.Version, EnforceIndex = detail.JobModifyIndex, ExpectedVersion = next };
        var checkDrift = !entry.Adopted && !detail.Stop && entry.Action is PlanAction.Update or PlanAction.Unchanged or PlanAction.Drift;
        if (checkDrift
            && JobBookkeeping.ExpectedVersion(detail.Meta) is { } expected
            && expected != detail.Version
            && !await IsAutoRevertAsync(desired.Id, expected, detail.Version, cancellationToken))
        {
            return entry with
            {
                Action = PlanAction.Drift,
                Reason = $"changed outside homelab-manager: Nomad has version {detail.Version}, homelab-manager last registered version {expected}",
            };
        }

        return entry.Action == PlanAction.Update
            ? entry with { Job = JobBookkeeping.ForRegister(desired.Job, next) }
            : entry;
    }

    /// <summary>True when Nomad itself produced <paramref name="liveVersion"/> by rolling back to <paramref name="expected"/>.</summary>
    private async Task<bool> IsAutoRevertAsync(string jobId, ulong expected, ulong liveVersion, CancellationToken cancellationToken)
    {
        var deployments = await nomad.ListJobDeploymentsAsync(jobId, cancellationToken: cancellationToken);
        var marker = $"rolling back to job version {expected}";
        return deployments.Value.Any(d =>
            d.Status == NomadDeploymentStatus.Failed
            && d.JobVersion + 1 == liveVersion
            && d.StatusDescription.Contains(marker, StringComparison.Ordinal));
    }

    private async Task<PlannedJob> WithDiffAsync(PlannedJob entry, Jobs.Api.NomadJob job, CancellationToken cancellationToken)
    {
        var plan = await nomad.PlanJobAsync(job, diff: true, cancellationToken);
        return entry with
        {
            Diff = plan.Diff,
            PlacementFailures = plan.FailedTaskGroupAllocations is { Count: > 0 } failures ? failures : null,
        };
    }
}
