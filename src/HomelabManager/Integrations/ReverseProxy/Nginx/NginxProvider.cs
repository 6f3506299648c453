using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Integrations.Templates;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations.ReverseProxy.Nginx;

/// <summary>
/// nginx as a service job whose <c>nginx.conf</c> Nomad renders from Consul at run time (consul-template
/// <c>range service</c> upstreams; the template's SIGHUP makes nginx reload). One <c>server</c> per public host,
/// a default server answering 404 for unknown hosts, and <c>auth_request</c> to the auth provider for
/// <c>auth = true</c> (401 → redirect to its sign-in page). nginx has no ACME client: HTTPS needs a certificate and
/// key from Vault (<c>tls_certificate</c>, <c>tls_certificate_key</c>); without them it serves HTTP (e.g. behind a
/// tunnel that terminates TLS).
/// </summary>
internal sealed class NginxProvider : IIntegrationProvider
{
    internal const string ServiceName = "nginx";
    private const string Folder = "ReverseProxy/Nginx";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.ReverseProxy;

    /// <inheritdoc />
    public string Name => "nginx";

    /// <inheritdoc />
    public string Description => "nginx: upstreams rendered from Consul, auth_request for protected services";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("http_port", "Host port for HTTP", OptionKind.Int) { Default = "80", Validator = OptionRules.Port },
        new("https_port", "Host port for HTTPS (with a certificate)", OptionKind.Int) { Default = "443", Validator = OptionRules.Port },
        new("tls_certificate", "Vault reference of the PEM certificate chain (e.g. a wildcard for the domain)", OptionKind.Secret) { VaultOnly = true },
        new("tls_certificate_key", "Vault reference of the PEM private key", OptionKind.Secret) { VaultOnly = true },
        new("acme_email", "Unused by nginx (kept so switching providers is easy)", OptionKind.Email),
        new("image", "nginx container image", OptionKind.String) { Default = "nginx:1.27-alpine", Validator = OptionRules.Image },
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
        var certificate = section.Config.Find("tls_certificate");
        var key = section.Config.Find("tls_certificate_key");
        if ((certificate is null) != (key is null))
        {
            var given = (certificate ?? key)!;
            context.Diagnostics.Add(ConfigurationDiagnostics.InvalidValue(given.Path, given.OwnerRange, given.KeyPath,
                "Give both tls_certificate and tls_certificate_key, or neither (plain HTTP)."));
        }
    }

    /// <summary>Renders <c>nginx.conf</c> (consul-template text unless <paramref name="staticServers"/> is given).</summary>
    public static string RenderConfig(
        TemplateRenderer templates,
        NginxConfigSettings settings,
        IReadOnlyList<PublicSite> sites,
        ForwardAuthMiddleware? forwardAuth,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? staticServers = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(settings);
        var model = ProxySiteModel.Build(sites, forwardAuth, staticServers);
        model["httpListen"] = settings.HttpListen;
        model["httpsListen"] = settings.HttpsListen;
        model["tls"] = settings.Tls;
        model["pidFile"] = settings.PidFile;
        model["errorLog"] = settings.ErrorLog;
        model["accessLog"] = settings.AccessLog;
        model["clientBodyTemp"] = settings.TempDirectory + "/client_body";
        model["proxyTemp"] = settings.TempDirectory + "/proxy";
        model["allHosts"] = sites.Select(s => (object?)s.Host).ToList();
        return templates.Render(IntegrationCategory.ReverseProxy, "nginx", Folder, "nginx.conf.hbs", model);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var certificate = settings.GetVaultReference("tls_certificate");
        var key = settings.GetVaultReference("tls_certificate_key");
        var tls = certificate is not null && key is not null;
        var config = RenderConfig(context.Templates, NginxConfigSettings.InContainer(tls), context.PublicSites, context.ForwardAuth);

        List<ContainerPort> ports = [new(80, settings.GetInt("http_port"), Name: "http")];
        var templates = new List<NomadTemplate>
        {
            new() { DestPath = "local/nginx.conf", EmbeddedTmpl = config, ChangeMode = "signal", ChangeSignal = "SIGHUP" },
        };
        if (tls)
        {
            ports.Add(new(443, settings.GetInt("https_port"), Name: "https"));
            templates.Add(InfrastructureJobs.SecretFile(certificate!, "secrets/tls.crt", context.JobOptions.Vault, "signal", "SIGHUP"));
            templates.Add(InfrastructureJobs.SecretFile(key!, "secrets/tls.key", context.JobOptions.Vault, "signal", "SIGHUP"));
        }

        var service = new ServiceDefinition
        {
            Name = ServiceName,
            Description = "nginx reverse proxy (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("image"),
                Command = "nginx",
                Args = ["-c", "/local/nginx.conf", "-g", "daemon off;"],
                Ports = ports,
            },
            Resources = new ResourceRequirements(200, 128),
        };
        var vault = context.JobOptions.Vault;
        return new IntegrationContribution
        {
            Services =
            [
                new InfrastructureService(service)
                {
                    Contributions = [new ServiceFilesContribution(ServiceName, templates)],
                    Finish = tls ? job => InfrastructureJobs.WithVault(job, vault) : null,
                },
            ],
        };
    }
}

/// <summary>Where nginx listens and writes; <see cref="InContainer"/> for the job, other values for tests.</summary>
/// <param name="HttpListen">The <c>listen</c> value of the HTTP servers, e.g. <c>80</c> or <c>127.0.0.1:18080</c>.</param>
/// <param name="HttpsListen">The <c>listen</c> value of the HTTPS servers (used when <paramref name="Tls"/>).</param>
/// <param name="Tls">Serve HTTPS with <c>/secrets/tls.crt</c> and <c>/secrets/tls.key</c>; HTTP redirects.</param>
/// <param name="PidFile">The pid file.</param>
/// <param name="TempDirectory">Directory for request bodies and proxy buffers.</param>
/// <param name="ErrorLog">Error log path.</param>
/// <param name="AccessLog">Access log path.</param>
internal sealed record NginxConfigSettings(
    string HttpListen,
    string HttpsListen,
    bool Tls,
    string PidFile,
    string TempDirectory,
    string ErrorLog,
    string AccessLog)
{
    /// <summary>The settings inside the nginx container.</summary>
    public static NginxConfigSettings InContainer(bool tls) =>
        new("80", "443", tls, "/tmp/nginx.pid", "/tmp", "/dev/stderr", "/dev/stdout");
}
