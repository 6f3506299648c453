using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations.ReverseProxy.Traefik;

/// <summary>
/// Traefik v3 as a system job (one per node, host ports 80/443): routes from the Consul catalog
/// (<c>exposedByDefault: false</c>, so only services tagged <c>traefik.enable=true</c>), entrypoints
/// <c>web</c> (redirects to https) and <c>websecure</c>, and an ACME resolver whose account lives on the
/// <c>traefik-acme</c> host volume. Public services get router tags; <c>auth = true</c> adds the auth provider's
/// forward-auth middleware (declared by tags on the auth service itself).
/// </summary>
internal sealed class TraefikProvider : IIntegrationProvider
{
    internal const string ServiceName = "traefik";
    internal const string AcmeVolume = "traefik-acme";
    private const string Folder = "ReverseProxy/Traefik";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.ReverseProxy;

    /// <inheritdoc />
    public string Name => "traefik";

    /// <inheritdoc />
    public string Description => "Traefik: routes from the Consul catalog, Let's Encrypt certificates (system job)";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("acme_email", "E-mail address for the Let's Encrypt account", OptionKind.Email) { Required = true, Example = "acme_email: ${ACME_EMAIL}" },
        new("cert_resolver", "Name of the ACME certificate resolver", OptionKind.String) { Default = "letsencrypt", Validator = OptionRules.Identifier },
        new("acme_ca_server", "ACME directory URL (empty: Let's Encrypt production)", OptionKind.String) { Validator = OptionRules.HttpsUrl },
        new("http_port", "Host port for HTTP (redirects to HTTPS)", OptionKind.Int) { Default = "80", Validator = OptionRules.Port },
        new("https_port", "Host port for HTTPS", OptionKind.Int) { Default = "443", Validator = OptionRules.Port },
        new("dashboard", "Expose the Traefik dashboard on its own port", OptionKind.Bool) { Default = "false" },
        new("log_level", "Traefik log level", OptionKind.Enum) { Default = "INFO", AllowedValues = ["DEBUG", "INFO", "WARN", "ERROR"] },
        new("consul_address", "Consul HTTP address as seen from the node (empty: the node's address, port 8500)", OptionKind.String),
        new("image", "Traefik container image", OptionKind.String) { Default = "traefik:v3.5", Validator = OptionRules.Image },
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var certResolver = settings.GetRequiredString("cert_resolver");
        var dashboard = settings.GetBool("dashboard");
        var model = new Dictionary<string, object?>
        {
            ["acmeEmail"] = settings.GetRequiredString("acme_email"),
            ["certResolver"] = certResolver,
            ["acmeCaServer"] = settings.GetString("acme_ca_server"),
            ["consulAddress"] = settings.GetString("consul_address"),
            ["logLevel"] = settings.GetRequiredString("log_level"),
            ["dashboard"] = dashboard,
        };
        var config = context.Templates.Render(Category, Name, Folder, "traefik.yml.hbs", model);

        List<ContainerPort> ports =
        [
            new(8082, Name: "ping"),
            new(80, settings.GetInt("http_port"), Name: "http"),
            new(443, settings.GetInt("https_port"), Name: "https"),
        ];
        if (dashboard)
        {
            ports.Add(new(8080, Name: "dashboard"));
        }

        var service = new ServiceDefinition
        {
            Name = ServiceName,
            Description = "Traefik reverse proxy (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("image"),
                Args = ["--configFile=/local/traefik.yml"],
                Ports = ports,
            },
            Resources = new ResourceRequirements(200, 256),
            Volumes = [new ServiceVolume(AcmeVolume, "/acme")],
            Health = new HealthCheckSpec("/ping"),
        };
        var files = new ServiceFilesContribution(
            ServiceName,
            [new NomadTemplate { DestPath = "local/traefik.yml", EmbeddedTmpl = config, ChangeMode = "restart" }]);

        return new IntegrationContribution
        {
            Services = [new InfrastructureService(service) { Contributions = [files], Finish = InfrastructureJobs.AsSystemJob }],
            JobContributions = [new TraefikRouting(certResolver, context.ForwardAuth)],
        };
    }
}
