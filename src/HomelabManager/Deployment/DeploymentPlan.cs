namespace HomelabManager.Deployment;

/// <summary>
/// What a deployment would do, job by job (immutable). Desired jobs come first in homelab order, then the
/// live jobs whose service is gone (<see cref="PlanAction.Remove"/>).
/// </summary>
/// <param name="Jobs">Every job considered.</param>
/// <param name="IncludesRemovals">False when only some services were selected: removals were not looked for.</param>
internal sealed record DeploymentPlan(IReadOnlyList<PlannedJob> Jobs, bool IncludesRemovals)
{
    /// <summary>Jobs to register.</summary>
    public IReadOnlyList<PlannedJob> Writes => [.. Jobs.Where(j => j.IsWrite)];

    /// <summary>Jobs to stop and purge with <c>--prune</c>.</summary>
    public IReadOnlyList<PlannedJob> Removals => [.. Jobs.Where(j => j.Action == PlanAction.Remove)];

    /// <summary>Jobs a deploy refuses to touch (drift without <c>--force</c>, conflicts without <c>--adopt</c>).</summary>
    public IReadOnlyList<PlannedJob> Refusals => [.. Jobs.Where(j => j.Action is PlanAction.Drift or PlanAction.Conflict)];

    /// <summary>How many jobs have <paramref name="action"/>.</summary>
    public int Count(PlanAction action) => Jobs.Count(j => j.Action == action);

    /// <summary>True when anything differs between the homelab and Nomad (every action but <see cref="PlanAction.Unchanged"/>).</summary>
    public bool HasChanges => Jobs.Any(j => j.Action != PlanAction.Unchanged);

    /// <summary>A one-line count, e.g. <c>1 to create, 2 to update, 3 unchanged</c>.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        void Add(PlanAction action, string text)
        {
            var count = Count(action);
            if (count > 0)
            {
                parts.Add($"{count} {text}");
            }
        }

        Add(PlanAction.Create, "to create");
        Add(PlanAction.Update, "to update");
        Add(PlanAction.Remove, "to remove");
        Add(PlanAction.Drift, "drifted");
        Add(PlanAction.Conflict, "in conflict");
        Add(PlanAction.Unchanged, "unchanged");
        return parts.Count == 0 ? "no jobs" : string.Join(", ", parts);
    }
}
