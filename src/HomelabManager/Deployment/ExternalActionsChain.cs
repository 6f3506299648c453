using HomelabManager.Integrations;

namespace HomelabManager.Deployment;

/// <summary>
/// The external actions of several providers (vpn, then dns) as one: a plan is their plans in order; apply hands
/// each provider only the changes its own plan produced, so a provider with nothing chosen is not called.
/// </summary>
internal sealed class ExternalActionsChain(IReadOnlyList<IExternalActions> parts) : IExternalActions
{
    private readonly Dictionary<ExternalChange, int> _plannedBy = [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExternalChange>> PlanAsync(ExternalActionRequest wanted, CancellationToken cancellationToken)
    {
        var changes = new List<ExternalChange>();
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var change in await parts[i].PlanAsync(wanted, cancellationToken))
            {
                _plannedBy[change] = i;
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExternalChange>> ApplyAsync(ExternalActionRequest wanted, IReadOnlyList<ExternalChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var done = new List<ExternalChange>();
        for (var i = 0; i < parts.Count; i++)
        {
            var index = i;
            var mine = changes.Where(c => !_plannedBy.TryGetValue(c, out var by) || by == index).ToList();
            if (mine.Any(c => c.Kind != ExternalChangeKind.Conflict))
            {
                done.AddRange(await parts[i].ApplyAsync(wanted, mine, cancellationToken));
            }
        }

        return done;
    }
}
