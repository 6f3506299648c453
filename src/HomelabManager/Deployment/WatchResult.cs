using HomelabManager.Clients.Nomad;

namespace HomelabManager.Deployment;

/// <summary>How a watched deployment ended.</summary>
internal enum WatchStatus
{
    /// <summary>All allocations healthy.</summary>
    Successful,

    /// <summary>Failed; no rollback.</summary>
    Failed,

    /// <summary>Failed, and Nomad rolled the job back to an earlier version (auto-revert).</summary>
    RolledBack,

    /// <summary>Cancelled (a newer version, or the job was stopped).</summary>
    Cancelled,

    /// <summary>No deployment appeared for the registered version.</summary>
    NoDeployment,
}

/// <summary>A change in a watched deployment, for live progress.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Status">The deployment status (<c>running</c>, <c>successful</c>, …).</param>
/// <param name="Healthy">Healthy allocations so far.</param>
/// <param name="Desired">Allocations wanted.</param>
/// <param name="Description">Nomad's status description.</param>
/// <param name="IsRollback">True while following Nomad's auto-revert deployment.</param>
internal sealed record DeploymentUpdate(string JobId, string Status, int Healthy, int Desired, string Description, bool IsRollback);

/// <summary>A failed task of a failed allocation and its last events.</summary>
/// <param name="AllocationId">The allocation.</param>
/// <param name="Name">The allocation name (<c>job.group[0]</c>).</param>
/// <param name="Task">The task.</param>
/// <param name="Events">Its most recent events, oldest first.</param>
internal sealed record FailedTask(string AllocationId, string Name, string Task, IReadOnlyList<NomadTaskEvent> Events);

/// <summary>The end of a watched deployment.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Description">Nomad's description of the (first) deployment.</param>
/// <param name="DeploymentId">The deployment of the registered version, when there was one.</param>
/// <param name="RevertedToVersion">The version Nomad rolled back to.</param>
/// <param name="RevertStatus">How the rollback deployment ended (<c>successful</c>, …), when followed.</param>
/// <param name="FailedTasks">The failed tasks of the registered version.</param>
internal sealed record WatchResult(
    string JobId,
    WatchStatus Status,
    string Description,
    string? DeploymentId = null,
    ulong? RevertedToVersion = null,
    string? RevertStatus = null,
    IReadOnlyList<FailedTask>? FailedTasks = null)
{
    /// <summary>True when the new version is running healthy.</summary>
    public bool Succeeded => Status == WatchStatus.Successful;
}
