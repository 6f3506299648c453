using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Route53;
using HomelabManager.Configuration;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Dns.Route53;

/// <summary>
/// DNS records in AWS Route 53 (REST-XML, SigV4): one per public service host, pointing at the VPN's target or at
/// <c>target</c>. Each record it creates has a companion TXT <c>_homelab-manager.&lt;name&gt;</c> =
/// <c>"heritage=homelab-manager"</c>; records without one are reported as conflicts and left alone.
/// Credentials: <c>access_key_id</c>/<c>secret_access_key</c>, else <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>
/// (and <c>AWS_SESSION_TOKEN</c>) from the environment.
/// </summary>
internal sealed class Route53DnsProvider : IIntegrationProvider, IExternalActionsProvider
{
    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Dns;

    /// <inheritdoc />
    public string Name => "route53";

    /// <inheritdoc />
    public string Description => "AWS Route 53 (REST + SigV4): records for public services, marked by a companion TXT record";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("hosted_zone_id", "Route 53 hosted zone id, e.g. Z1PA6795UKMFR9 (empty: look up the zone by name)", OptionKind.String) { Validator = ZoneIdProblem },
        new("zone", "Hosted zone name (empty: homelab.domain)", OptionKind.Hostname),
        new("access_key_id", "AWS access key id (empty: AWS_ACCESS_KEY_ID)", OptionKind.String) { Validator = OptionRules.Identifier },
        new("secret_access_key", "AWS secret access key (empty: AWS_SECRET_ACCESS_KEY)", OptionKind.Secret),
        new("endpoint", "Route 53 API base address", OptionKind.String) { Default = Route53Settings.DefaultEndpoint, Validator = Cloudflare.CloudflareDnsProvider.ApiUrlProblem },
        new("ttl", "TTL of the records in seconds", OptionKind.Int) { Default = "300", Validator = TtlProblem },
        DnsTargets.TargetOption,
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
        DnsDiagnostics.CheckCommon(section, context, "zone");
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return DnsTargets.Contribute(context, proxiedOption: false);
    }

    /// <inheritdoc />
    public IExternalActions CreateExternalActions(IntegrationContext context, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var credentials = Credentials(settings, Environment.GetEnvironmentVariable)
            ?? throw new InvalidOperationException("No AWS credentials: set access_key_id and secret_access_key (as ${VAR}) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        var client = new Route53Client(
            new Route53Settings(new Uri(settings.GetRequiredString("endpoint")), credentials),
            ApiClientOptions.Default with { Handler = new SharedHttpClientHandler(http) });
        return new Route53DnsActions(client, settings.GetString("hosted_zone_id"), settings.GetString("zone") ?? context.Domain, context.Domain, settings.GetInt("ttl"));
    }

    /// <summary>Config credentials when both are given, else the environment's.</summary>
    internal static AwsCredentials? Credentials(ProviderSettings settings, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var id = settings.GetString("access_key_id");
        var secret = settings.GetString("secret_access_key");
        if (secret is not null && VaultReference.HasPrefix(secret))
        {
            throw new InvalidOperationException("The AWS secret access key must be given as ${VAR} (or AWS_SECRET_ACCESS_KEY) to sync DNS.");
        }

        return !string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(secret)
            ? new AwsCredentials(id, secret, environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null)
            : AwsCredentials.FromEnvironment(environment);
    }

    private static string? ZoneIdProblem(string text) =>
        Route53Client.BareId(text) is { Length: >= 1 and <= 32 } id && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            ? null
            : "Expected a hosted zone id such as Z1PA6795UKMFR9.";

    private static string? TtlProblem(string text) =>
        long.TryParse(text, out var ttl) && ttl is >= 0 and <= 2_147_483_647 ? null : "Expected a TTL between 0 and 2147483647 seconds.";
}
