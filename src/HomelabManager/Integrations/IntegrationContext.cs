using HomelabManager.Clients.Http;
using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations.Templates;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations;

/// <summary>
/// What a provider sees while contributing: its settings, the services, and what other providers offer. For external
/// actions and checks, <see cref="ForExternalUseAsync"/> makes a copy whose secret options can be read.
/// </summary>
internal sealed class IntegrationContext
{
    internal IntegrationContext(
        HomelabConfiguration configuration,
        ProviderSettings settings,
        NomadJobBuilderOptions jobOptions,
        IReadOnlyList<ServiceDefinition> services,
        TemplateRenderer templates,
        DiagnosticBag diagnostics)
    {
        Configuration = configuration;
        Settings = settings;
        JobOptions = jobOptions;
        Services = services;
        Templates = templates;
        Diagnostics = diagnostics;
        PublicSites = PublicSite.Of(services, Domain);
    }

    /// <summary>The whole configuration.</summary>
    public HomelabConfiguration Configuration { get; }

    /// <summary>This provider's section, resolved.</summary>
    public ProviderSettings Settings { get; }

    /// <summary><c>homelab.domain</c>.</summary>
    public string Domain => Configuration.Homelab.Domain;

    /// <summary>The job builder's options (datacenters, Vault settings, …).</summary>
    public NomadJobBuilderOptions JobOptions { get; }

    /// <summary>User services plus the infrastructure services of providers that contributed before this one.</summary>
    public IReadOnlyList<ServiceDefinition> Services { get; }

    /// <summary>The public, routable services of <see cref="Services"/> with their host names.</summary>
    public IReadOnlyList<PublicSite> PublicSites { get; }

    /// <summary>The auth provider's middleware, when an auth provider is configured.</summary>
    public ForwardAuthMiddleware? ForwardAuth { get; init; }

    /// <summary>The VPN provider's DNS target, when it offers one.</summary>
    public DnsTarget? DnsTarget { get; init; }

    /// <summary>Renders the provider's Handlebars templates (a homelab's own copies win).</summary>
    public TemplateRenderer Templates { get; }

    /// <summary>Where problems found while contributing go.</summary>
    public DiagnosticBag Diagnostics { get; }

    /// <summary>Clock, <c>-v</c> trace and handler for the provider's API clients; the defaults until <see cref="ForExternalUseAsync"/>.</summary>
    public ApiClientOptions ApiOptions { get; private init; } = ApiClientOptions.Default;

    /// <summary>The values of the secret options holding a <c>vault:</c> reference, by option name (see <see cref="ForExternalUseAsync"/>).</summary>
    private Dictionary<string, string> SecretValues { get; init; } = [];

    /// <summary>
    /// The value of the secret option <paramref name="name"/> for external actions and checks: a <c>${VAR}</c> filled from
    /// the environment or <c>.env</c>, a <c>vault:</c> reference's value read from Vault; null when the option is empty.
    /// Throws <see cref="InvalidOperationException"/> for a <c>vault:</c> reference on a context that was not made by
    /// <see cref="ForExternalUseAsync"/> (offline, Vault is never read).
    /// </summary>
    public string? Secret(string name)
    {
        var text = Settings.GetString(name);
        if (text is null || !VaultReference.HasPrefix(text))
        {
            return text;
        }

        return SecretValues.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"{Settings.KeyPathOf(name)} is a Vault reference; it is only read for plan, deploy, remove and doctor.");
    }

    /// <summary>
    /// A copy for external actions and checks: every secret option holding a <c>vault:</c> reference is read through
    /// <paramref name="access"/> now (before anything is applied), and API clients use its clock and trace. Throws
    /// <see cref="SecretUsageException"/> naming the option and the reference (never a value) when one cannot be read.
    /// </summary>
    public async Task<IntegrationContext> ForExternalUseAsync(ExternalAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, reference) in Settings.SecretReferences())
        {
            try
            {
                values[option] = await access.Secrets.ReadAsync(reference, cancellationToken);
            }
            catch (SecretUsageException exception)
            {
                throw new SecretUsageException($"{Settings.KeyPathOf(option)}: {exception.Message}");
            }
        }

        return new IntegrationContext(Configuration, Settings, JobOptions, Services, Templates, Diagnostics)
        {
            ForwardAuth = ForwardAuth,
            DnsTarget = DnsTarget,
            ApiOptions = access.ApiOptions,
            SecretValues = values,
        };
    }

    /// <summary>The public host name of a sub-domain: <c>&lt;subdomain&gt;.&lt;domain&gt;</c>.</summary>
    public string HostOf(string subdomain) => $"{subdomain}.{Domain}";
}

/// <summary>A public service the reverse proxy routes.</summary>
/// <param name="Service">Service (and Consul service) name.</param>
/// <param name="Host"><c>&lt;subdomain|name&gt;.&lt;domain&gt;</c>.</param>
/// <param name="Auth">True when the auth provider must protect it.</param>
internal sealed record PublicSite(string Service, string Host, bool Auth)
{
    /// <summary>The public services of <paramref name="services"/> that have a port (nothing to route otherwise), by host.</summary>
    public static IReadOnlyList<PublicSite> Of(IEnumerable<ServiceDefinition> services, string domain) =>
        string.IsNullOrEmpty(domain)
            ? []
            : services
                .Where(s => s.PublicAccess && s.Container.Ports.Any(p => p.Protocol == PortProtocol.Tcp))
                .Select(s => new PublicSite(s.Name, $"{s.Subdomain ?? s.Name}.{domain}", s.Auth))
                .OrderBy(s => s.Host, StringComparer.Ordinal)
                .ToList();
}
