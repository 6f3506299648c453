using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Integrations.Templates;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations.ReverseProxy.Caddy;

/// <summary>
/// Caddy as a service job: a Caddyfile Nomad renders from Consul at run time (<c>reverse_proxy</c> to the healthy
/// instances; Caddy's <c>--watch</c> reloads it), automatic HTTPS with the ACME e-mail from config and certificates
/// on the <c>caddy-data</c> host volume, and <c>forward_auth</c> to the auth provider for <c>auth = true</c>.
/// </summary>
internal sealed class CaddyProvider : IIntegrationProvider
{
    internal const string ServiceName = "caddy";
    internal const string DataVolume = "caddy-data";
    private const string Folder = "ReverseProxy/Caddy";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.ReverseProxy;

    /// <inheritdoc />
    public string Name => "caddy";

    /// <inheritdoc />
    public string Description => "Caddy: automatic HTTPS, upstreams rendered from Consul, forward_auth for protected services";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("acme_email", "E-mail address for the ACME (Let's Encrypt) account", OptionKind.Email) { Required = true, Example = "acme_email: ${ACME_EMAIL}" },
        new("http_port", "Host port for HTTP", OptionKind.Int) { Default = "80", Validator = OptionRules.Port },
        new("https_port", "Host port for HTTPS", OptionKind.Int) { Default = "443", Validator = OptionRules.Port },
        new("acme_ca_server", "ACME directory URL (empty: Let's Encrypt production)", OptionKind.String) { Validator = OptionRules.HttpsUrl },
        new("image", "Caddy container image", OptionKind.String) { Default = "caddy:2.10-alpine", Validator = OptionRules.Image },
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
    }

    /// <summary>Renders the Caddyfile (consul-template text unless <paramref name="staticServers"/> is given).</summary>
    public static string RenderConfig(
        TemplateRenderer templates,
        CaddyConfigSettings settings,
        IReadOnlyList<PublicSite> sites,
        ForwardAuthMiddleware? forwardAuth,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? staticServers = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(settings);
        var model = ProxySiteModel.Build(sites, forwardAuth, staticServers);
        foreach (var site in (List<object?>)model["sites"]!)
        {
            var entry = (Dictionary<string, object?>)site!;
            entry["address"] = settings.Tls ? (string)entry["host"]! : "http://" + (string)entry["host"]!;
        }

        model["tls"] = settings.Tls;
        model["acmeEmail"] = settings.AcmeEmail;
        model["acmeCaServer"] = settings.AcmeCaServer;
        model["httpPort"] = settings.HttpPort;
        model["httpsPort"] = settings.HttpsPort;
        model["admin"] = settings.AdminAddress;
        model["bind"] = settings.Bind;
        model["storage"] = settings.StorageDirectory;
        return templates.Render(IntegrationCategory.ReverseProxy, "caddy", Folder, "Caddyfile.hbs", model);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var config = RenderConfig(
            context.Templates,
            CaddyConfigSettings.InContainer(settings.GetRequiredString("acme_email"), settings.GetString("acme_ca_server")),
            context.PublicSites,
            context.ForwardAuth);
        var service = new ServiceDefinition
        {
            Name = ServiceName,
            Description = "Caddy reverse proxy (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("image"),
                Command = "caddy",
                Args = ["run", "--config", "/local/Caddyfile", "--adapter", "caddyfile", "--watch"],
                Ports = [new(80, settings.GetInt("http_port"), Name: "http"), new(443, settings.GetInt("https_port"), Name: "https")],
            },
            Resources = new ResourceRequirements(200, 256),
            Volumes = [new ServiceVolume(DataVolume, "/data")],
        };
        return new IntegrationContribution
        {
            Services =
            [
                new InfrastructureService(service)
                {
                    // --watch reloads the Caddyfile through the admin API when Nomad re-renders it.
                    Contributions =
                    [
                        new ServiceFilesContribution(ServiceName, [new NomadTemplate { DestPath = "local/Caddyfile", EmbeddedTmpl = config, ChangeMode = "noop" }]),
                    ],
                },
            ],
        };
    }
}

/// <summary>Caddy's listen and storage settings; <see cref="InContainer"/> for the job, other values for tests.</summary>
/// <param name="Tls">Automatic HTTPS (sites by host name); false serves <c>http://</c> sites only.</param>
/// <param name="AcmeEmail">ACME account e-mail (with <paramref name="Tls"/>).</param>
/// <param name="AcmeCaServer">ACME directory, or null for the default.</param>
/// <param name="HttpPort">Caddy's HTTP port.</param>
/// <param name="HttpsPort">Caddy's HTTPS port.</param>
/// <param name="AdminAddress">Admin API address (needed by <c>--watch</c>), or null for <c>admin off</c>.</param>
/// <param name="Bind">Address the sites bind to, or null for all.</param>
/// <param name="StorageDirectory">Where certificates and ACME state live.</param>
internal sealed record CaddyConfigSettings(
    bool Tls,
    string? AcmeEmail,
    string? AcmeCaServer,
    int HttpPort,
    int HttpsPort,
    string? AdminAddress,
    string? Bind,
    string StorageDirectory)
{
    /// <summary>The settings inside the Caddy container.</summary>
    public static CaddyConfigSettings InContainer(string acmeEmail, string? acmeCaServer) =>
        new(true, acmeEmail, acmeCaServer, 80, 443, "localhost:2019", null, "/data/caddy");
}
