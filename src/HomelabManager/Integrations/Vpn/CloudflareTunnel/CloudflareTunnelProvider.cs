using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;
using HomelabManager.Configuration;
using HomelabManager.Integrations.Dns;
using HomelabManager.Integrations.Dns.Cloudflare;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>
/// A remotely-managed Cloudflare Tunnel: runs <c>cloudflared</c> (token from Vault) as an infrastructure job, routes
/// every public host through the tunnel to the reverse proxy (<c>origin</c>) with the ingress kept in Cloudflare
/// (configurations API, ending in the catch-all <c>http_status:404</c>), and tells the dns provider to publish
/// proxied CNAMEs to <c>&lt;tunnel_id&gt;.cfargotunnel.com</c>.
/// </summary>
internal sealed class CloudflareTunnelProvider : IIntegrationProvider, IDnsTargetProvider, IExternalActionsProvider, IProviderChecks
{
    /// <summary>The catch-all rule's service: requests for any other host get 404.</summary>
    public const string CatchAllService = "http_status:404";

    /// <summary>The default origin: the reverse proxy's HTTPS port on the same node (it redirects plain HTTP).</summary>
    public const string DefaultOrigin = "https://localhost:443";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Vpn;

    /// <inheritdoc />
    public string Name => "cloudflare_tunnel";

    /// <inheritdoc />
    public string Description => "Cloudflare Tunnel: cloudflared job, ingress for public hosts, proxied CNAMEs to the tunnel (no open ports)";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options { get; } =
    [
        new("account_id", "Cloudflare account id (32 hex characters)", OptionKind.String)
        {
            Required = true, Validator = AccountIdProblem, Example = "account_id: ${CLOUDFLARE_ACCOUNT_ID}",
        },
        new("tunnel_id", "Tunnel UUID (cloudflared tunnel list, or the dashboard)", OptionKind.String)
        {
            Required = true, Validator = TunnelIdProblem, Example = "tunnel_id: ${CLOUDFLARE_TUNNEL_ID}",
        },
        new("token", "Vault reference of the tunnel token (cloudflared reads it at run time)", OptionKind.Secret)
        {
            Required = true, VaultOnly = true, Example = "token: vault:secret/cloudflare#tunnel_token",
        },
        new("api_token", "Cloudflare API token with Account.Cloudflare Tunnel edit permission (for the ingress)", OptionKind.Secret)
        {
            Required = true, Example = "api_token: ${CLOUDFLARE_API_TOKEN}",
        },
        new("origin", "Where the tunnel sends traffic: the reverse proxy as seen from the node", OptionKind.String)
        {
            Default = DefaultOrigin, Validator = OriginProblem,
        },
        new("origin_tls_verify", "Verify the origin's TLS certificate (off: the hop stays on the node)", OptionKind.Bool) { Default = "false" },
        new("image", "cloudflared container image", OptionKind.String) { Default = "cloudflare/cloudflared:2025.8.0", Validator = OptionRules.Image },
        new("api_url", "Cloudflare API base address", OptionKind.String) { Default = CloudflareSettings.DefaultApiUrl, Validator = OptionRules.HttpUrl },
    ];

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, Options, context.Diagnostics);
        if (context.Configuration[IntegrationCategory.Dns] is null)
        {
            context.Diagnostics.Add(TunnelDiagnostics.NoDnsProvider(section));
        }
    }

    /// <inheritdoc />
    public DnsTarget? GetDnsTarget(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Settings.GetString("tunnel_id") is { Length: > 0 } tunnelId
            ? new DnsTarget("CNAME", TunnelHost(tunnelId), Proxied: true)
            : null;
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var origin = settings.GetRequiredString("origin");
        List<TunnelIngressRule> ingress =
        [
            .. context.PublicSites.Select(s => new TunnelIngressRule(s.Host.ToLowerInvariant(), origin)),
            new TunnelIngressRule(string.Empty, CatchAllService),
        ];
        var problems = CloudflaredIngressRules.Problems([.. ingress.Select(r => ((string?)r.Hostname, (string?)null, r.Service))]);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("cloudflared would reject the tunnel ingress: " + string.Join("; ", problems));
        }

        var token = settings.GetVaultReference("token");
        return new IntegrationContribution
        {
            Services = token is null ? [] : [CloudflaredService.Create(settings.GetRequiredString("image"), token)],
            TunnelIngress = ingress,
        };
    }

    /// <inheritdoc />
    public IExternalActions CreateExternalActions(IntegrationContext context, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (accountId, tunnelId) = TunnelOf(context);
        var origin = new TunnelOrigin(context.Settings.GetRequiredString("origin"), context.Settings.GetBool("origin_tls_verify"));
        return new CloudflareTunnelActions(Client(context, http), accountId, tunnelId, context.Domain, origin);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProviderCheck>> CheckAsync(IntegrationContext context, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (accountId, tunnelId) = TunnelOf(context);
        using var client = Client(context, http);
        return await CloudflareTunnelChecks.RunAsync(client, accountId, tunnelId, cancellationToken);
    }

    /// <summary>The account and tunnel IDs (lower case); throws when either is missing.</summary>
    private static (string AccountId, string TunnelId) TunnelOf(IntegrationContext context)
    {
        var accountId = context.Settings.GetString("account_id");
        var tunnelId = context.Settings.GetString("tunnel_id");
        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(tunnelId))
        {
            throw new InvalidOperationException("The tunnel's account_id and tunnel_id are needed to manage its ingress.");
        }

        return (accountId.ToLowerInvariant(), tunnelId.ToLowerInvariant());
    }

    private static CloudflareClient Client(IntegrationContext context, HttpClient http) =>
        CloudflareProviderClient.Create(context, http, "The Cloudflare API token of the tunnel");

    /// <summary>The host a tunnel's CNAMEs point at.</summary>
    internal static string TunnelHost(string tunnelId) => $"{tunnelId.ToLowerInvariant()}.cfargotunnel.com";

    /// <summary>A Cloudflare account id: 32 hexadecimal characters.</summary>
    internal static string? AccountIdProblem(string text) =>
        text.Length == 32 && text.All(char.IsAsciiHexDigit)
            ? null
            : "Expected the 32-character hexadecimal account id shown in the Cloudflare dashboard (Account home → Account ID).";

    /// <summary>A tunnel id: a UUID such as <c>6ff42ae2-765d-4adf-8112-31c55c1551ef</c>.</summary>
    internal static string? TunnelIdProblem(string text) =>
        Guid.TryParseExact(text, "D", out _)
            ? null
            : "Expected the tunnel's UUID, e.g. 6ff42ae2-765d-4adf-8112-31c55c1551ef (\"cloudflared tunnel list\" shows it).";

    /// <summary>An origin cloudflared accepts that serves HTTP: an http:// or https:// URL without a path.</summary>
    internal static string? OriginProblem(string text)
    {
        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return "Expected an http:// or https:// URL of the reverse proxy as seen from the node, e.g. " + DefaultOrigin + ".";
        }

        return CloudflaredIngressRules.ServiceProblem(text) is { } problem ? problem + "." : null;
    }
}
