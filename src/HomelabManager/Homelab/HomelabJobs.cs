using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Homelab;

/// <summary>
/// Every Nomad job a valid homelab wants: its services' jobs (with the integrations' tags and
/// middlewares) and the integrations' own infrastructure jobs. Shared by render, plan and deploy.
/// </summary>
/// <param name="Jobs">Service jobs in folder order, then infrastructure jobs.</param>
/// <param name="Integrations">What the configured providers add; null without a configuration.</param>
/// <param name="Diagnostics">Problems found while building (provider settings, templates).</param>
internal sealed record HomelabJobs(
    IReadOnlyList<NomadJob> Jobs,
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
        IntegrationPlan? integrations = null;
        if (homelab.Configuration is { } configuration)
        {
            var definitions = homelab.Services.Select(s => s.Definition).ToList();
            integrations = new IntegrationPipeline(registry ?? IntegrationRegistry.Default).Contribute(
                new IntegrationRequest(configuration, definitions, homelab.Variables, options, homelab.Directory));
            if (integrations.HasErrors)
            {
                return new HomelabJobs([], integrations, integrations.Diagnostics);
            }
        }

        var builder = new NomadJobBuilder(options, integrations?.ServiceContributions ?? []);
        var jobs = homelab.Services
            .Select(s => builder.Build(s.Definition))
            .SelectMany(built => built.AdditionalJobs.Prepend(built.Job))
            .Concat(integrations?.Jobs ?? [])
            .ToList();
        return new HomelabJobs(jobs, integrations, integrations?.Diagnostics ?? []);
    }
}
