using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Homelab;

/// <summary>One job a homelab wants, with where it comes from.</summary>
/// <param name="Job">The job as it would be registered.</param>
/// <param name="Source">The service it was built for (a user service, or an integration's own, e.g. traefik).</param>
/// <param name="DependsOn">The services that must be deployed first.</param>
internal sealed record HomelabJob(NomadJob Job, string Source, IReadOnlyList<string> DependsOn);

/// <summary>
/// Every Nomad job a valid homelab wants: its services' jobs (with the integrations' tags and
/// middlewares) and the integrations' own infrastructure jobs. Shared by render, plan and deploy.
/// </summary>
/// <param name="Homelab">The homelab the jobs were built from.</param>
/// <param name="Jobs">Service jobs in folder order, then infrastructure jobs.</param>
/// <param name="Definitions">The definitions behind the jobs: user services, then infrastructure services.</param>
/// <param name="Options">The job builder options used.</param>
/// <param name="Integrations">What the configured providers add; null without a configuration.</param>
/// <param name="Diagnostics">Problems found while building (provider settings, templates).</param>
internal sealed record HomelabJobs(
    LoadedHomelab Homelab,
    IReadOnlyList<HomelabJob> Jobs,
    IReadOnlyList<ServiceDefinition> Definitions,
    NomadJobBuilderOptions Options,
    IntegrationPlan? Integrations,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when building failed: nothing may be rendered or deployed.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Builds the jobs of a homelab that loaded without errors.</summary>
    public static HomelabJobs Build(LoadedHomelab homelab, IntegrationRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(homelab);
        var options = HomelabJobOptions.From(homelab.Configuration);
        var definitions = homelab.Services.Select(s => s.Definition).ToList();
        IntegrationPlan? integrations = null;
        if (homelab.Configuration is { } configuration)
        {
            integrations = new IntegrationPipeline(registry ?? IntegrationRegistry.Default).Contribute(
                new IntegrationRequest(configuration, definitions, homelab.Variables, options, homelab.Directory));
            if (integrations.HasErrors)
            {
                return new HomelabJobs(homelab, [], definitions, options, integrations, integrations.Diagnostics);
            }
        }

        var builder = new NomadJobBuilder(options, integrations?.ServiceContributions ?? []);
        var jobs = new List<HomelabJob>();
        foreach (var definition in definitions)
        {
            var built = builder.Build(definition);
            jobs.Add(new HomelabJob(built.Job, definition.Name, definition.DependsOn));
            jobs.AddRange(built.AdditionalJobs.Select(job => new HomelabJob(job, definition.Name, [])));
        }

        jobs.AddRange((integrations?.Jobs ?? []).Select(job => new HomelabJob(job, job.Id, [])));
        return new HomelabJobs(
            homelab,
            jobs,
            [.. definitions, .. integrations?.InfrastructureServices ?? []],
            options,
            integrations,
            integrations?.Diagnostics ?? []);
    }
}
