using HomelabManager.Clients.Nomad;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Deployment;

/// <summary>One job of a <see cref="DeploymentPlan"/>: what happens to it and why.</summary>
internal sealed record PlannedJob
{
    /// <summary>The Nomad job ID.</summary>
    public required string JobId { get; init; }

    /// <summary>What happens.</summary>
    public required PlanAction Action { get; init; }

    /// <summary>The service the job belongs to; null for a live job whose service is gone.</summary>
    public string? Service { get; init; }

    /// <summary>Services whose jobs are registered before this one.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Why, in a few words (<c>new job</c>, <c>definition changed</c>, …).</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>
    /// For <see cref="PlanAction.Create"/>/<see cref="PlanAction.Update"/>: the exact job to register (with the
    /// expected version in Meta). For the others: the desired job as it would compare with the live one, or null.
    /// </summary>
    public NomadJob? Job { get; init; }

    /// <summary>The job as listed by Nomad; null when it does not exist.</summary>
    public NomadJobListStub? Live { get; init; }

    /// <summary>The live job's <c>Version</c> when it was read (changed, adopted, forced or inspected jobs).</summary>
    public ulong? LiveVersion { get; init; }

    /// <summary>The <c>JobModifyIndex</c> the register enforces (0: the job must not exist yet).</summary>
    public ulong EnforceIndex { get; init; }

    /// <summary>The job <c>Version</c> right after our register (recorded in Meta as the expected version).</summary>
    public ulong ExpectedVersion { get; init; }

    /// <summary>Nomad's plan diff, when Nomad was asked.</summary>
    public NomadJobDiff? Diff { get; init; }

    /// <summary>Groups Nomad could not place in the plan (group → why).</summary>
    public IReadOnlyDictionary<string, NomadAllocMetric>? PlacementFailures { get; init; }

    /// <summary>True when a drifted job is taken back (<c>--force</c>).</summary>
    public bool Forced { get; init; }

    /// <summary>True when a job homelab-manager did not create is taken over (<c>--adopt</c>).</summary>
    public bool Adopted { get; init; }

    /// <summary>True for jobs a deploy registers.</summary>
    public bool IsWrite => Action is PlanAction.Create or PlanAction.Update;
}
