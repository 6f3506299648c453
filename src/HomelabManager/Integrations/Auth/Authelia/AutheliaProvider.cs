using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations.Auth.Authelia;

/// <summary>
/// Authelia (≥ 4.38) as a service job: portal at <c>https://&lt;subdomain&gt;.&lt;domain&gt;</c>, configuration
/// rendered from a template (no secret in it), the three secrets read from Vault at run time into
/// <c>AUTHELIA_*</c> variables (the job builder's Vault env template), users and the SQLite store on the
/// <c>authelia-config</c> host volume (<c>/config/users_database.yml</c>). It offers the reverse proxy the
/// forward-auth middleware <c>authelia</c> (<c>/api/authz/forward-auth</c>; NGINX: <c>/api/authz/auth-request</c>).
/// </summary>
internal sealed class AutheliaProvider : IIntegrationProvider, IForwardAuthProvider
{
    internal const string ServiceName = "authelia";
    internal const string ConfigVolume = "authelia-config";
    private const string Folder = "Auth/Authelia";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Auth;

    /// <inheritdoc />
    public string Name => "authelia";

    /// <inheritdoc />
    public string Description => "Authelia: login portal and forward-auth for services with auth = true";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("subdomain", "Sub-domain of the login portal", OptionKind.Hostname) { Default = "auth", Validator = OptionRules.Subdomain },
        new("default_policy", "Policy for protected services", OptionKind.Enum) { Default = "one_factor", AllowedValues = ["one_factor", "two_factor"] },
        new("jwt_secret", "Vault reference of the password-reset JWT secret", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "jwt_secret: vault:secret/authelia#jwt_secret",
        },
        new("session_secret", "Vault reference of the session secret", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "session_secret: vault:secret/authelia#session_secret",
        },
        new("storage_encryption_key", "Vault reference of the storage encryption key (20+ characters)", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "storage_encryption_key: vault:secret/authelia#storage_encryption_key",
        },
        new("log_level", "Authelia log level", OptionKind.Enum) { Default = "info", AllowedValues = ["error", "warn", "info", "debug", "trace"] },
        new("image", "Authelia container image", OptionKind.String) { Default = "authelia/authelia:4.39", Validator = OptionRules.Image },
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
        return new ForwardAuthMiddleware(
            Name: "authelia",
            ConsulService: ServiceName,
            ForwardAuthPath: "/api/authz/forward-auth",
            AuthRequestPath: "/api/authz/auth-request",
            SignInUrl: $"https://{context.HostOf(context.Settings.GetRequiredString("subdomain"))}/",
            ResponseHeaders: ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"]);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var subdomain = settings.GetRequiredString("subdomain");
        var policy = settings.GetRequiredString("default_policy");
        var protectedHosts = context.PublicSites.Where(s => s.Auth).Select(s => (object?)s.Host).ToList();
        var model = new Dictionary<string, object?>
        {
            ["domain"] = context.Domain,
            ["portalUrl"] = $"https://{context.HostOf(subdomain)}",
            ["logLevel"] = settings.GetRequiredString("log_level"),
            ["policy"] = policy,
            ["protectedHosts"] = protectedHosts,
            // Authelia refuses default_policy deny without rules.
            ["defaultPolicy"] = protectedHosts.Count == 0 ? policy : "deny",
        };
        var config = context.Templates.Render(Category, Name, Folder, "configuration.yml.hbs", model);

        var env = new List<EnvVariable>();
        foreach (var (option, variable) in new[]
                 {
                     ("jwt_secret", "AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET"),
                     ("session_secret", "AUTHELIA_SESSION_SECRET"),
                     ("storage_encryption_key", "AUTHELIA_STORAGE_ENCRYPTION_KEY"),
                 })
        {
            if (settings.GetVaultReference(option) is { } reference)
            {
                env.Add(new EnvVariable(variable, EnvValue.FromVault(reference)));
            }
        }

        env.Add(new EnvVariable("X_AUTHELIA_CONFIG", EnvValue.Literal("/local/configuration.yml")));
        var service = new ServiceDefinition
        {
            Name = ServiceName,
            Description = "Authelia login portal (homelab-manager integration)",
            Container = new ContainerSpec
            {
                Image = settings.GetRequiredString("image"),
                Ports = [new ContainerPort(9091, Name: "http")],
            },
            Resources = new ResourceRequirements(200, 256),
            Volumes = [new ServiceVolume(ConfigVolume, "/config")],
            Env = env,
            PublicAccess = true,
            Subdomain = subdomain,
            Health = new HealthCheckSpec("/api/health"),
        };
        var files = new ServiceFilesContribution(
            ServiceName,
            [new NomadTemplate { DestPath = "local/configuration.yml", EmbeddedTmpl = config, ChangeMode = "restart" }]);
        return new IntegrationContribution
        {
            Services = [new InfrastructureService(service) { Contributions = [files] }],
        };
    }
}
