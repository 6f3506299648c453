using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations.Auth.Keycloak;

/// <summary>
/// Keycloak with a realm for the homelab, and oauth2-proxy as the forward-auth server in front of it.
/// </summary>
/// <remarks>
/// <para>Jobs: <c>keycloak</c> (portal at <c>https://&lt;subdomain&gt;.&lt;domain&gt;</c>, data on the <c>keycloak-data</c> host
/// volume, admin password from Vault); <c>keycloak-realm</c>, a batch job running keycloak-config-cli that imports
/// the rendered realm (<c>realm.json.hbs</c>: the realm and the <c>oauth2-proxy</c> OIDC client) through the admin
/// API — idempotent, so re-running converges, and it works with the image's own entrypoint and a running server,
/// which <c>--import-realm</c> (reads only <c>/opt/keycloak/data/import</c>, skips existing realms) does not;
/// <c>oauth2-proxy</c> (OIDC client of that realm, cookie on the whole domain, callback at
/// <c>https://&lt;oauth2_proxy_subdomain&gt;.&lt;domain&gt;/oauth2/callback</c>).</para>
/// <para>Forward auth: Traefik and Caddy ask oauth2-proxy's <c>/</c> (upstream <c>static://202</c>: 202 when signed in,
/// else a redirect to Keycloak); NGINX asks <c>/oauth2/auth</c> (202 or 401) and sends 401s to <c>/oauth2/start</c>.
/// The user arrives at the service with <c>X-Auth-Request-User</c>/<c>-Email</c>/<c>-Groups</c>.</para>
/// </remarks>
internal sealed class KeycloakProvider : IIntegrationProvider, IForwardAuthProvider
{
    internal const string ServiceName = "keycloak";
    internal const string ProxyServiceName = "oauth2-proxy";
    internal const string RealmJobName = "keycloak-realm";
    internal const string ClientId = "oauth2-proxy";
    private const string Folder = "Auth/Keycloak";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Auth;

    /// <inheritdoc />
    public string Name => "keycloak";

    /// <inheritdoc />
    public string Description => "Keycloak: identity provider with a homelab realm; oauth2-proxy does forward-auth";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("subdomain", "Sub-domain of Keycloak", OptionKind.Hostname) { Default = "sso", Validator = OptionRules.Subdomain },
        new("realm", "Name of the homelab realm", OptionKind.String) { Default = "homelab", Validator = OptionRules.Identifier },
        new("admin_user", "Keycloak bootstrap admin user", OptionKind.String) { Default = "admin", Validator = OptionRules.Identifier },
        new("admin_password", "Vault reference of the admin password", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "admin_password: vault:secret/keycloak#admin_password",
        },
        new("client_secret", "Vault reference of the oauth2-proxy client secret", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "client_secret: vault:secret/keycloak#client_secret",
        },
        new("cookie_secret", "Vault reference of oauth2-proxy's cookie secret (16, 24 or 32 bytes)", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "cookie_secret: vault:secret/keycloak#cookie_secret",
        },
        new("oauth2_proxy_subdomain", "Sub-domain of the oauth2-proxy sign-in endpoints", OptionKind.Hostname) { Default = "oauth", Validator = OptionRules.Subdomain },
        new("image", "Keycloak container image", OptionKind.String) { Default = "quay.io/keycloak/keycloak:26.3", Validator = OptionRules.Image },
        new("oauth2_proxy_image", "oauth2-proxy container image", OptionKind.String) { Default = "quay.io/oauth2-proxy/oauth2-proxy:v7.9.0", Validator = OptionRules.Image },
        new("config_cli_image", "keycloak-config-cli container image", OptionKind.String) { Default = "adorsys/keycloak-config-cli:latest-26", Validator = OptionRules.Image },
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
    }

    /// <inheritdoc />
    public ForwardAuthMiddleware GetForwardAuth(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proxyHost = context.HostOf(context.Settings.GetRequiredString("oauth2_proxy_subdomain"));
        return new ForwardAuthMiddleware(
            Name: "keycloak",
            ConsulService: ProxyServiceName,
            ForwardAuthPath: "/",
            AuthRequestPath: "/oauth2/auth",
            SignInUrl: $"https://{proxyHost}/oauth2/start",
            ResponseHeaders: ["X-Auth-Request-User", "X-Auth-Request-Email", "X-Auth-Request-Groups"]);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var keycloakHost = context.HostOf(settings.GetRequiredString("subdomain"));
        var proxyHost = context.HostOf(settings.GetRequiredString("oauth2_proxy_subdomain"));
        var realm = settings.GetRequiredString("realm");
        var adminUser = settings.GetRequiredString("admin_user");
        var adminPassword = settings.GetVaultReference("admin_password");
        var clientSecret = settings.GetVaultReference("client_secret");
        var cookieSecret = settings.GetVaultReference("cookie_secret");
        if (adminPassword is null || clientSecret is null || cookieSecret is null)
        {
            return IntegrationContribution.Empty;
        }

        var keycloak = new ServiceDefinition
        {
            Name = ServiceName,
            Description = "Keycloak identity provider (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("image"),
                Args = ["start", "--http-enabled=true", "--proxy-headers=xforwarded", $"--hostname=https://{keycloakHost}"],
                Ports = [new ContainerPort(8080, Name: "http")],
            },
            Resources = new ResourceRequirements(1000, 1024),
            Volumes = [new ServiceVolume("keycloak-data", "/opt/keycloak/data")],
            Env =
            [
                new EnvVariable("KC_DB", EnvValue.Literal("dev-file")),
                new EnvVariable("KC_BOOTSTRAP_ADMIN_USERNAME", EnvValue.Literal(adminUser)),
                new EnvVariable("KC_BOOTSTRAP_ADMIN_PASSWORD", EnvValue.FromVault(adminPassword)),
            ],
            PublicAccess = true,
            Subdomain = settings.GetRequiredString("subdomain"),
            Health = new HealthCheckSpec("/realms/master"),
        };

        var realmJson = context.Templates.Render(Category, Name, Folder, "realm.json.hbs", new Dictionary<string, object?>
        {
            ["realm"] = realm,
            ["domain"] = context.Domain,
            ["clientId"] = ClientId,
            ["redirectUri"] = $"https://{proxyHost}/oauth2/callback",
            ["webOrigin"] = $"https://{proxyHost}",
        });
        var realmImport = new ServiceDefinition
        {
            Name = RealmJobName,
            Description = "Imports the homelab realm into Keycloak (keycloak-config-cli, idempotent)",
            Container = new ContainerSpec { Image = settings.GetRequiredString("config_cli_image") },
            Resources = new ResourceRequirements(200, 512),
            Env =
            [
                new EnvVariable("KEYCLOAK_USER", EnvValue.Literal(adminUser)),
                new EnvVariable("KEYCLOAK_PASSWORD", EnvValue.FromVault(adminPassword)),
                new EnvVariable("OAUTH2_PROXY_CLIENT_SECRET", EnvValue.FromVault(clientSecret)),
                new EnvVariable("IMPORT_FILES_LOCATIONS", EnvValue.Literal("/local/realm/*.json")),
                new EnvVariable("IMPORT_VARSUBSTITUTION_ENABLED", EnvValue.Literal("true")),
                new EnvVariable("KEYCLOAK_AVAILABILITYCHECK_ENABLED", EnvValue.Literal("true")),
                new EnvVariable("KEYCLOAK_AVAILABILITYCHECK_TIMEOUT", EnvValue.Literal("300s")),
            ],
        };
        var realmFiles = new ServiceFilesContribution(RealmJobName,
        [
            new NomadTemplate { DestPath = $"local/realm/{realm}-realm.json", EmbeddedTmpl = realmJson, ChangeMode = "noop" },
            new NomadTemplate
            {
                DestPath = "local/keycloak.env",
                EmbeddedTmpl = "{{ with service " + GoTemplateText.StringLiteral(ServiceName) + " }}{{ with index . 0 }}KEYCLOAK_URL=http://{{ .Address }}:{{ .Port }}{{ end }}{{ end }}\n",
                ChangeMode = "restart",
                Envvars = true,
            },
        ]);

        var proxy = new ServiceDefinition
        {
            Name = ProxyServiceName,
            Description = "oauth2-proxy: forward-auth against Keycloak (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("oauth2_proxy_image"),
                Ports = [new ContainerPort(4180, Name: "http")],
            },
            Resources = new ResourceRequirements(100, 128),
            Env =
            [
                new EnvVariable("OAUTH2_PROXY_PROVIDER", EnvValue.Literal("keycloak-oidc")),
                new EnvVariable("OAUTH2_PROXY_OIDC_ISSUER_URL", EnvValue.Literal($"https://{keycloakHost}/realms/{realm}")),
                new EnvVariable("OAUTH2_PROXY_CLIENT_ID", EnvValue.Literal(ClientId)),
                new EnvVariable("OAUTH2_PROXY_CLIENT_SECRET", EnvValue.FromVault(clientSecret)),
                new EnvVariable("OAUTH2_PROXY_COOKIE_SECRET", EnvValue.FromVault(cookieSecret)),
                new EnvVariable("OAUTH2_PROXY_COOKIE_DOMAINS", EnvValue.Literal("." + context.Domain)),
                new EnvVariable("OAUTH2_PROXY_WHITELIST_DOMAINS", EnvValue.Literal("." + context.Domain)),
                new EnvVariable("OAUTH2_PROXY_REDIRECT_URL", EnvValue.Literal($"https://{proxyHost}/oauth2/callback")),
                new EnvVariable("OAUTH2_PROXY_HTTP_ADDRESS", EnvValue.Literal("0.0.0.0:4180")),
                new EnvVariable("OAUTH2_PROXY_REVERSE_PROXY", EnvValue.Literal("true")),
                new EnvVariable("OAUTH2_PROXY_SET_XAUTHREQUEST", EnvValue.Literal("true")),
                new EnvVariable("OAUTH2_PROXY_EMAIL_DOMAINS", EnvValue.Literal("*")),
                new EnvVariable("OAUTH2_PROXY_UPSTREAMS", EnvValue.Literal("static://202")),
                new EnvVariable("OAUTH2_PROXY_SKIP_PROVIDER_BUTTON", EnvValue.Literal("true")),
                new EnvVariable("OAUTH2_PROXY_CODE_CHALLENGE_METHOD", EnvValue.Literal("S256")),
            ],
            PublicAccess = true,
            Subdomain = settings.GetRequiredString("oauth2_proxy_subdomain"),
            Health = new HealthCheckSpec("/ping"),
        };

        return new IntegrationContribution
        {
            Services =
            [
                new InfrastructureService(keycloak),
                new InfrastructureService(realmImport) { Contributions = [realmFiles], Finish = InfrastructureJobs.AsBatchJob },
                new InfrastructureService(proxy),
            ],
        };
    }
}
