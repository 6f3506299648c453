using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Route53;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Dns.Route53;

/// <summary>
/// DNS records in AWS Route 53 (REST-XML, SigV4): one per public service host, pointing at the VPN's target or at
/// <c>target</c>. Each record it creates has a companion TXT <c>_homelab-manager.&lt;name&gt;</c> =
/// <c>"heritage=homelab-manager"</c>; records without one are reported as conflicts and left alone.
/// Credentials: <c>access_key_id</c>/<c>secret_access_key</c> (the secret as <c>${VAR}</c> or a <c>vault:</c> reference),
/// else <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> (and <c>AWS_SESSION_TOKEN</c>) from the environment or <c>.env</c>.
/// </summary>
internal sealed class Route53DnsProvider : IIntegrationProvider, IExternalActionsProvider, IProviderChecks
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
        new("endpoint", "Route 53 API base address", OptionKind.String) { Default = Route53Settings.DefaultEndpoint, Validator = OptionRules.HttpUrl },
        new("ttl", "TTL of the records in seconds", OptionKind.Int) { Default = "300", Validator = TtlProblem },
        DnsTargets.TargetOption,
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        DnsDiagnostics.Validate(section, Options, context);
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
        return new Route53DnsActions(Client(context, http), settings.GetString("hosted_zone_id"), DnsTargets.ZoneOf(context), context.Domain, settings.GetInt("ttl"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProviderCheck>> CheckAsync(IntegrationContext context, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var client = Client(context, http);
        return await Route53Checks.RunAsync(client, context.Settings.GetString("hosted_zone_id"), DnsTargets.ZoneOf(context), cancellationToken);
    }

    /// <summary>
    /// Config credentials when both are given (the secret key read through <paramref name="secret"/>: <c>${VAR}</c>
    /// filled, <c>vault:</c> read), else the environment's.
    /// </summary>
    internal static AwsCredentials? Credentials(ProviderSettings settings, Func<string, string?> secret, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secret);
        var id = settings.GetString("access_key_id");
        var key = secret("secret_access_key");
        return !string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(key)
            ? new AwsCredentials(id, key, environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null)
            : AwsCredentials.FromEnvironment(environment);
    }

    /// <summary>A signing client on the command's clock and trace, with Route 53's retry rules.</summary>
    private static Route53Client Client(IntegrationContext context, HttpClient http)
    {
        var credentials = Credentials(context.Settings, context.Secret, context.Settings.Variable)
            ?? throw new InvalidOperationException("No AWS credentials: set access_key_id and secret_access_key (as ${VAR} or a vault: reference) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        return new Route53Client(
            new Route53Settings(new Uri(context.Settings.GetRequiredString("endpoint")), credentials),
            context.ApiOptions with { Retry = Route53Client.DefaultRetry, Handler = new SharedHttpClientHandler(http) });
    }

    private static string? ZoneIdProblem(string text) =>
        Route53Client.BareId(text) is { Length: >= 1 and <= 32 } id && id.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            ? null
            : "Expected a hosted zone id such as Z1PA6795UKMFR9.";

    private static string? TtlProblem(string text) =>
        long.TryParse(text, out var ttl) && ttl is >= 0 and <= 2_147_483_647 ? null : "Expected a TTL between 0 and 2147483647 seconds.";
}
