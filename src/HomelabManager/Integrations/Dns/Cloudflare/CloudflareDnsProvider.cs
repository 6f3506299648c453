using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Dns.Cloudflare;

/// <summary>
/// DNS records in Cloudflare (API v4): one per public service host, pointing at the VPN's target (e.g. a tunnel
/// CNAME) or at <c>target</c>. Records it creates carry the comment <c>managed-by=homelab-manager</c>; any other record
/// at a wanted name is reported as a conflict and left alone. The token is a <c>${VAR}</c> or a <c>vault:</c> reference.
/// </summary>
internal sealed class CloudflareDnsProvider : IIntegrationProvider, IExternalActionsProvider, IProviderChecks
{
    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Dns;

    /// <inheritdoc />
    public string Name => "cloudflare";

    /// <inheritdoc />
    public string Description => "Cloudflare DNS (API v4): records for public services, marked as managed by homelab-manager";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("api_token", "Cloudflare API token with Zone.DNS edit permission", OptionKind.Secret) { Required = true, Example = "api_token: ${CLOUDFLARE_API_TOKEN}" },
        new("zone", "Cloudflare zone holding the public names (empty: homelab.domain)", OptionKind.Hostname),
        new("proxied", "Proxy traffic through Cloudflare (orange cloud) when no VPN decides", OptionKind.Bool) { Default = "false" },
        DnsTargets.TargetOption,
        new("api_url", "Cloudflare API base address", OptionKind.String) { Default = CloudflareSettings.DefaultApiUrl, Validator = OptionRules.HttpUrl },
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
        return DnsTargets.Contribute(context, context.Settings.GetBool("proxied"));
    }

    /// <inheritdoc />
    public IExternalActions CreateExternalActions(IntegrationContext context, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CloudflareDnsActions(Client(context, http), DnsTargets.ZoneOf(context), context.Domain);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProviderCheck>> CheckAsync(IntegrationContext context, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var client = Client(context, http);
        return await CloudflareChecks.RunAsync(client, DnsTargets.ZoneOf(context), cancellationToken);
    }

    private static CloudflareClient Client(IntegrationContext context, HttpClient http) =>
        CloudflareProviderClient.Create(context, http, "The Cloudflare API token");
}
