using HomelabManager.Definitions;
using HomelabManager.Homelab;
using HomelabManager.Jobs;

namespace HomelabManager.Deployment;

/// <summary>The selected services of a loaded homelab and the jobs they build to.</summary>
/// <param name="Services">The selected services, in homelab order.</param>
/// <param name="Jobs">Their jobs (each service's own job, then the jobs contributions added).</param>
/// <param name="Options">The builder options (Vault KV versions, volume modes, node pool).</param>
/// <param name="IsWholeHomelab">True when no service was named: removals may be planned.</param>
internal sealed record DesiredState(
    IReadOnlyList<ServiceDefinition> Services,
    IReadOnlyList<DesiredJob> Jobs,
    NomadJobBuilderOptions Options,
    bool IsWholeHomelab)
{
    /// <summary>What the configured integrations add (DNS records, providers); null without a configuration.</summary>
    public Integrations.IntegrationPlan? Integrations { get; init; }

    /// <summary>The whole homelab the selection was taken from (every definition, the configuration).</summary>
    public HomelabJobs? Homelab { get; init; }

    /// <summary>
    /// The jobs of <paramref name="names"/> — service names or infrastructure job IDs such as traefik —
    /// or every job when empty. Unknown names are returned in <paramref name="unknown"/> and nothing is selected.
    /// </summary>
    public static DesiredState? Select(HomelabJobs built, IReadOnlyCollection<string> names, out IReadOnlyList<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(names);
        var sources = built.Jobs.Select(j => j.Source).ToHashSet(StringComparer.Ordinal);
        unknown = [.. names.Where(n => !sources.Contains(n)).Distinct(StringComparer.Ordinal)];
        if (unknown.Count > 0)
        {
            return null;
        }

        bool Selected(string source) => names.Count == 0 || names.Contains(source, StringComparer.Ordinal);
        var jobs = built.Jobs
            .Where(j => Selected(j.Source))
            .Select(j => new DesiredJob(j.Job, j.Source, j.DependsOn))
            .ToList();
        var services = built.Definitions.Where(d => Selected(d.Name)).ToList();
        return new DesiredState(services, jobs, built.Options, names.Count == 0) { Integrations = built.Integrations, Homelab = built };
    }
}
