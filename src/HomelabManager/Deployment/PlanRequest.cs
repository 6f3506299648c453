namespace HomelabManager.Deployment;

/// <summary>What the planner is asked to find out (everything off: exactly one list request when nothing changed).</summary>
internal sealed record PlanRequest
{
    /// <summary>Look for live jobs of ours whose service is gone (only when the whole homelab is selected).</summary>
    public bool IncludeRemovals { get; init; }

    /// <summary>Ask Nomad to plan every desired job (field-level diffs; drift of unchanged-hash jobs). One request per job.</summary>
    public bool DiffAll { get; init; }

    /// <summary>Ask Nomad to plan the jobs that would be written (creates, updates, conflicts): their field-level diffs.</summary>
    public bool DiffChanged { get; init; }

    /// <summary>Read every desired live job, even unchanged ones (its version and modify index; drift check).</summary>
    public bool InspectAll { get; init; }

    /// <summary>Take drifted jobs back: they become updates.</summary>
    public bool Force { get; init; }

    /// <summary>Take over jobs with our IDs that homelab-manager did not create: they become updates.</summary>
    public bool Adopt { get; init; }

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 4;
}
