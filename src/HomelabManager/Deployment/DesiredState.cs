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
    /// <summary>
    /// Builds the jobs of <paramref name="names"/> (all services when empty). Unknown names are returned in
    /// <paramref name="unknown"/> and nothing is built.
    /// </summary>
    public static DesiredState? Build(LoadedHomelab homelab, IReadOnlyCollection<string> names, out IReadOnlyList<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(homelab);
        ArgumentNullException.ThrowIfNull(names);
        var byName = homelab.Services.ToDictionary(s => s.Definition.Name, s => s.Definition, StringComparer.Ordinal);
        unknown = [.. names.Where(n => !byName.ContainsKey(n)).Distinct(StringComparer.Ordinal)];
        if (unknown.Count > 0)
        {
            return null;
        }

        var selected = names.Count == 0
            ? [.. homelab.Services.Select(s => s.Definition)]
            : homelab.Services.Select(s => s.Definition).Where(d => names.Contains(d.Name, StringComparer.Ordinal)).ToList();
        var options = HomelabJobOptions.From(homelab.Configuration);
        var builder = new NomadJobBuilder(options);
        var jobs = new List<DesiredJob>();
        foreach (var service in selected)
        {
            var built = builder.Build(service);
            jobs.Add(new DesiredJob(built.Job, service.Name, service.DependsOn));
            jobs.AddRange(built.AdditionalJobs.Select(job => new DesiredJob(job, service.Name, [])));
        }

        return new DesiredState(selected, jobs, options, names.Count == 0);
    }
}
