using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations.Templates;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations;

/// <summary>What the integration step needs.</summary>
/// <param name="Configuration">The loaded <c>homelab.yaml</c>.</param>
/// <param name="Services">The user's validated services.</param>
/// <param name="Variables">Where <c>${VAR}</c> placeholders are filled from.</param>
/// <param name="JobOptions">The job builder's options (the same the user services are built with).</param>
/// <param name="HomelabDirectory">The homelab folder (for <c>templates/</c> overrides); null for built-ins only.</param>
internal sealed record IntegrationRequest(
    HomelabConfiguration Configuration,
    IReadOnlyList<ServiceDefinition> Services,
    IVariableSource Variables,
    NomadJobBuilderOptions JobOptions,
    string? HomelabDirectory = null);

/// <summary>Everything the configured integrations add.</summary>
/// <param name="ServiceContributions">Pass these to the <see cref="NomadJobBuilder"/> of the user services.</param>
/// <param name="Jobs">Infrastructure jobs (reverse proxy, auth, …), built and ready to render or submit.</param>
/// <param name="Files">Extra rendered files.</param>
/// <param name="DnsRecords">DNS records wanted.</param>
/// <param name="TunnelIngress">Tunnel routes wanted.</param>
/// <param name="Providers">The providers in use, by category.</param>
/// <param name="Diagnostics">Problems; when any is an error the other lists may be incomplete.</param>
internal sealed record IntegrationPlan(
    IReadOnlyList<IJobContribution> ServiceContributions,
    IReadOnlyList<NomadJob> Jobs,
    IReadOnlyList<RenderedFile> Files,
    IReadOnlyList<DnsRecord> DnsRecords,
    IReadOnlyList<TunnelIngressRule> TunnelIngress,
    IReadOnlyDictionary<IntegrationCategory, IIntegrationProvider> Providers,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when a diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The definitions behind the infrastructure jobs (for preflight: Vault references, volumes).</summary>
    public IReadOnlyList<ServiceDefinition> InfrastructureServices { get; init; } = [];

    /// <summary>The configuration the plan was made from.</summary>
    public HomelabConfiguration? Configuration { get; init; }

    /// <summary>The context each provider contributed with (for its external actions at plan/deploy time).</summary>
    public IReadOnlyDictionary<IntegrationCategory, IntegrationContext> Contexts { get; init; } = new Dictionary<IntegrationCategory, IntegrationContext>();
}

/// <summary>
/// Runs the configured providers: finds them in the registry, validates their sections, asks auth and VPN providers
/// what they offer the others (forward-auth middleware, DNS target), then lets each contribute in the order
/// auth → vpn → dns → reverse_proxy, so the reverse proxy (last) routes every public host, including the auth
/// portal, and DNS sees it too. Infrastructure services are built with every provider's job contributions.
/// </summary>
internal sealed class IntegrationPipeline(IntegrationRegistry registry)
{
    private static readonly IntegrationCategory[] ContributionOrder =
        [IntegrationCategory.Auth, IntegrationCategory.Vpn, IntegrationCategory.Dns, IntegrationCategory.ReverseProxy];

    /// <summary>Offline checks of every integration section (the <c>validate</c> command).</summary>
    public IReadOnlyList<Diagnostic> Validate(HomelabConfiguration configuration, IReadOnlyList<ServiceDefinition>? services = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var diagnostics = new DiagnosticBag();
        Resolve(configuration, services ?? [], diagnostics);
        return diagnostics;
    }

    /// <summary>Everything the integrations add to a deployment (the <c>render</c>, <c>plan</c> and <c>deploy</c> commands).</summary>
    public IntegrationPlan Contribute(IntegrationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var providers = Resolve(request.Configuration, request.Services, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new IntegrationPlan([], [], [], [], [], providers, diagnostics);
        }

        var templates = new TemplateRenderer(request.HomelabDirectory);
        IntegrationContext ContextFor(IIntegrationProvider provider, IReadOnlyList<ServiceDefinition> services) => new(
            request.Configuration,
            new ProviderSettings(request.Configuration[provider.Category]!, provider.Options, request.Variables, diagnostics),
            request.JobOptions,
            services,
            templates,
            diagnostics);

        var forwardAuth = providers.GetValueOrDefault(IntegrationCategory.Auth) is IForwardAuthProvider auth
            ? auth.GetForwardAuth(ContextFor((IIntegrationProvider)auth, request.Services))
            : null;
        var dnsTarget = providers.GetValueOrDefault(IntegrationCategory.Vpn) is IDnsTargetProvider vpn
            ? vpn.GetDnsTarget(ContextFor((IIntegrationProvider)vpn, request.Services))
            : null;

        var services = request.Services.ToList();
        var contributions = new List<(IIntegrationProvider Provider, IntegrationContribution Contribution)>();
        var contexts = new Dictionary<IntegrationCategory, IntegrationContext>();
        foreach (var category in ContributionOrder)
        {
            if (!providers.TryGetValue(category, out var provider))
            {
                continue;
            }

            var context = new IntegrationContext(
                request.Configuration,
                new ProviderSettings(request.Configuration[category]!, provider.Options, request.Variables, diagnostics),
                request.JobOptions,
                [.. services],
                templates,
                diagnostics)
            {
                ForwardAuth = forwardAuth,
                DnsTarget = dnsTarget,
            };
            contexts[category] = context;
            try
            {
                var contribution = provider.Contribute(context);
                contributions.Add((provider, contribution));
                services.AddRange(contribution.Services.Select(s => s.Definition));
            }
            catch (Exception e) when (e is TemplateException or InvalidOperationException)
            {
                var section = request.Configuration[category]!;
                diagnostics.Add(IntegrationDiagnostics.ContributionFailed(section.Config.Path, section.ProviderRange, provider.Name, e.Message));
            }
        }

        var serviceContributions = contributions.SelectMany(c => c.Contribution.JobContributions).ToList();
        var jobs = new List<NomadJob>();
        foreach (var (provider, contribution) in contributions)
        {
            foreach (var infrastructure in contribution.Services)
            {
                try
                {
                    var built = new NomadJobBuilder(request.JobOptions, [.. serviceContributions, .. infrastructure.Contributions])
                        .Build(infrastructure.Definition);
                    var job = infrastructure.Finish is { } finish ? InfrastructureJobs.Rehash(finish(built.Job)) : built.Job;
                    jobs.Add(job);
                    jobs.AddRange(built.AdditionalJobs);
                }
                catch (Exception e) when (e is TemplateException or InvalidOperationException)
                {
                    var section = request.Configuration[provider.Category]!;
                    diagnostics.Add(IntegrationDiagnostics.ContributionFailed(section.Config.Path, section.ProviderRange, provider.Name, e.Message));
                }
            }

            jobs.AddRange(contribution.Jobs);
        }

        return new IntegrationPlan(
            serviceContributions,
            jobs,
            [.. contributions.SelectMany(c => c.Contribution.Files)],
            [.. contributions.SelectMany(c => c.Contribution.DnsRecords)],
            [.. contributions.SelectMany(c => c.Contribution.TunnelIngress)],
            providers,
            diagnostics)
        {
            InfrastructureServices = [.. contributions.SelectMany(c => c.Contribution.Services.Select(s => s.Definition))],
            Contexts = contexts,
            Configuration = request.Configuration,
        };
    }

    private Dictionary<IntegrationCategory, IIntegrationProvider> Resolve(
        HomelabConfiguration configuration, IReadOnlyList<ServiceDefinition> services, DiagnosticBag diagnostics)
    {
        var providers = new Dictionary<IntegrationCategory, IIntegrationProvider>();
        var validation = new ValidationContext(configuration, diagnostics);
        foreach (var section in configuration.Integrations)
        {
            var provider = registry.Find(section.Category, section.Provider);
            if (provider is null)
            {
                diagnostics.Add(IntegrationDiagnostics.UnknownProvider(
                    section.Config.Path, section.ProviderRange, section.Category, section.Provider,
                    registry.InCategory(section.Category).Select(p => p.Name)));
                continue;
            }

            provider.Validate(section, validation);
            providers[section.Category] = provider;
        }

        foreach (var service in services.Where(s => s.Auth))
        {
            if (configuration.Auth is null)
            {
                diagnostics.Add(IntegrationDiagnostics.AuthWithoutProvider(service.SourcePath ?? service.Name, service.Name));
            }
            else if (providers.TryGetValue(IntegrationCategory.Auth, out var auth) && auth is not IForwardAuthProvider)
            {
                diagnostics.Add(IntegrationDiagnostics.NoForwardAuth(configuration.Auth.Config.Path, configuration.Auth.ProviderRange, auth.Name));
                break;
            }
        }

        return providers;
    }
}
