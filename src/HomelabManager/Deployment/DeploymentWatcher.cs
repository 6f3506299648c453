using System.Globalization;
using System.Text.RegularExpressions;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;

namespace HomelabManager.Deployment;

/// <summary>
/// Follows a job's deployment to its end with Nomad blocking queries (no polling sleeps): finds the deployment of
/// the registered version, reports each change, and on failure collects the failed tasks' events and follows
/// Nomad's auto-revert deployment.
/// </summary>
internal sealed partial class DeploymentWatcher(INomadClient nomad, TimeProvider time)
{
    /// <summary>Longest wait of one blocking query.</summary>
    public TimeSpan BlockingWait { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a registered version may go without a deployment before the watch gives up.</summary>
    public TimeSpan AppearTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many events of a failed task are reported.</summary>
    public int EventsPerTask { get; init; } = 6;

    /// <summary>
    /// Watches the deployment of <paramref name="jobId"/> at <paramref name="version"/>, created at or after raft
    /// index <paramref name="sinceIndex"/> (the register's modify index, so a purged job's old deployments never match).
    /// </summary>
    public async Task<WatchResult> WatchAsync(
        string jobId, ulong version, ulong sinceIndex, Action<DeploymentUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WatchCoreAsync(jobId, version, sinceIndex, progress, cancellationToken);
        }
        catch (ApiException exception)
        {
            // The job is registered; only watching it failed (after every retry). Report it with the others.
            return new WatchResult(jobId, WatchStatus.Failed, $"watching the deployment failed: {exception.Message}");
        }
    }

    private async Task<WatchResult> WatchCoreAsync(
        string jobId, ulong version, ulong sinceIndex, Action<DeploymentUpdate>? progress, CancellationToken cancellationToken)
    {
        var deployment = await FindAsync(jobId, d => d.JobVersion == version && d.CreateIndex >= sinceIndex, cancellationToken);
        if (deployment is null)
        {
            return new WatchResult(jobId, WatchStatus.NoDeployment, $"no deployment of version {version} appeared within {AppearTimeout.TotalMinutes:0} min");
        }

        var final = await FollowAsync(deployment, progress, isRollback: false, cancellationToken);
        switch (final.Status)
        {
            case NomadDeploymentStatus.Successful:
                return new WatchResult(jobId, WatchStatus.Successful, final.StatusDescription, final.Id);
            case NomadDeploymentStatus.Cancelled:
                return new WatchResult(jobId, WatchStatus.Cancelled, final.StatusDescription, final.Id);
        }

        var failedTasks = await FailedTasksAsync(jobId, final.JobVersion, cancellationToken);
        var rollback = RollbackVersion().Match(final.StatusDescription);
        if (!rollback.Success)
        {
            return new WatchResult(jobId, WatchStatus.Failed, final.StatusDescription, final.Id, FailedTasks: failedTasks);
        }

        var revertedTo = ulong.Parse(rollback.Groups[1].Value, CultureInfo.InvariantCulture);
        var revert = await FindAsync(jobId, d => d.JobVersion > final.JobVersion && d.CreateIndex >= final.CreateIndex, cancellationToken);
        var revertFinal = revert is null ? null : await FollowAsync(revert, progress, isRollback: true, cancellationToken);
        return new WatchResult(
            jobId, WatchStatus.RolledBack, final.StatusDescription, final.Id, revertedTo, revertFinal?.Status, failedTasks);
    }

    private async Task<NomadDeployment?> FindAsync(string jobId, Func<NomadDeployment, bool> matches, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + AppearTimeout;
        ulong index = 0;
        while (true)
        {
            var result = await nomad.ListJobDeploymentsAsync(jobId, new NomadQueryOptions(index, BlockingWait), cancellationToken);
            if (result.Value.FirstOrDefault(matches) is { } deployment)
            {
                return deployment;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            index = result.Index;
        }
    }

    private async Task<NomadDeployment> FollowAsync(NomadDeployment deployment, Action<DeploymentUpdate>? progress, bool isRollback, CancellationToken cancellationToken)
    {
        var index = deployment.ModifyIndex;
        var current = deployment;
        DeploymentUpdate? last = null;
        while (true)
        {
            var update = Update(current, isRollback);
            if (update != last)
            {
                progress?.Invoke(update);
                last = update;
            }

            if (NomadDeploymentStatus.IsTerminal(current.Status))
            {
                return current;
            }

            var result = await nomad.ReadDeploymentAsync(current.Id, new NomadQueryOptions(index, BlockingWait), cancellationToken);
            if (result is null)
            {
                // Garbage-collected under us: report what we saw last.
                return current with { Status = NomadDeploymentStatus.Cancelled, StatusDescription = "the deployment disappeared (garbage-collected)" };
            }

            current = result.Value;
            index = Math.Max(result.Index, current.ModifyIndex);
        }
    }

    private async Task<IReadOnlyList<FailedTask>> FailedTasksAsync(string jobId, ulong version, CancellationToken cancellationToken)
    {
        var allocations = await nomad.ListJobAllocationsAsync(jobId, cancellationToken: cancellationToken);
        return
        [
            .. allocations.Value
                .Where(a => a.JobVersion == version
                    && (a.ClientStatus == "failed" || a.DeploymentStatus?.Healthy == false || a.TaskStates?.Values.Any(t => t.Failed) == true))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .SelectMany(a => (a.TaskStates ?? new Dictionary<string, NomadTaskState>())
                    .Where(t => t.Value.Failed || a.ClientStatus == "failed")
                    .OrderBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => new FailedTask(a.Id, a.Name, t.Key, [.. (t.Value.Events ?? []).TakeLast(EventsPerTask)]))),
        ];
    }

    private static DeploymentUpdate Update(NomadDeployment deployment, bool isRollback)
    {
        var groups = deployment.TaskGroups?.Values ?? [];
        return new DeploymentUpdate(
            deployment.JobId,
            deployment.Status,
            groups.Sum(g => g.HealthyAllocs),
            groups.Sum(g => g.DesiredTotal),
            deployment.StatusDescription,
            isRollback);
    }

    [GeneratedRegex(@"rolling back to job version (\d+)")]
    private static partial Regex RollbackVersion();
}
