namespace HomelabManager.Integrations.Dns;

/// <summary>
/// The plan/apply cycle both DNS providers share. <see cref="ApplyAsync"/> plans again against the zone as it is now
/// and makes only the planned changes still needed, so applying twice changes nothing the second time; conflicts are
/// never applied.
/// </summary>
internal abstract class DnsSyncActions(string zone, string domain, bool compareProxied) : IExternalActions
{
    /// <summary>The zone records are written to.</summary>
    protected string Zone { get; } = zone;

    public async Task<IReadOnlyList<ExternalChange>> PlanAsync(ExternalActionRequest wanted, CancellationToken cancellationToken)
    {
        var steps = await PlanStepsAsync(wanted, cancellationToken);
        return [.. steps.Select(s => s.Change)];
    }

    public async Task<IReadOnlyList<ExternalChange>> ApplyAsync(ExternalActionRequest wanted, IReadOnlyList<ExternalChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var done = new List<ExternalChange>();
        foreach (var step in await PlanStepsAsync(wanted, cancellationToken))
        {
            if (step.Change.Kind != ExternalChangeKind.Conflict && changes.Contains(step.Change))
            {
                await ApplyStepAsync(step, cancellationToken);
                done.Add(step.Change);
            }
        }

        return done;
    }

    /// <summary>The zone's A/AAAA/CNAME records, each marked owned or not.</summary>
    protected abstract Task<IReadOnlyList<DnsZoneRecord>> ReadZoneAsync(CancellationToken cancellationToken);

    /// <summary>Makes one create, update or delete.</summary>
    protected abstract Task ApplyStepAsync(DnsSyncStep step, CancellationToken cancellationToken);

    private async Task<IReadOnlyList<DnsSyncStep>> PlanStepsAsync(ExternalActionRequest wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var problems = wanted.DnsRecords.Select(r => DnsRecordNames.Problem(r, Zone)).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Refusing to sync DNS: " + string.Join("; ", problems));
        }

        var existing = await ReadZoneAsync(cancellationToken);
        return DnsSyncPlanner.Plan(wanted.DnsRecords, existing, domain, compareProxied);
    }
}
