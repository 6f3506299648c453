using System.Text.Json;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>
/// The remotely-managed tunnel configuration (<c>contracts/dns-vpn-auth.md</c> §2.2):
/// <c>GET</c>/<c>PUT /accounts/:account_id/cfd_tunnel/:tunnel_id/configurations</c>. A PUT replaces the whole
/// configuration, so sending the same body twice leaves the same state: it is retried like a read.
/// </summary>
internal sealed partial class CloudflareClient
{
    /// <summary>The tunnel's current configuration; <see cref="CloudflareTunnelConfiguration.Config"/> is null when none was ever stored.</summary>
    public async Task<CloudflareTunnelConfiguration> GetTunnelConfigurationAsync(string accountId, string tunnelId, CancellationToken cancellationToken = default)
    {
        var request = Get(TunnelConfigurationPath(accountId, tunnelId));
        var envelope = await SendAsync(request, _json.CloudflareEnvelopeCloudflareTunnelConfiguration, cancellationToken);
        return envelope.Result ?? throw _http.Invalid(request, "the answer has no tunnel configuration");
    }

    /// <summary>Replaces the tunnel's configuration (PUT); Cloudflare validates the ingress (code 1056 on a bad one).</summary>
    public async Task<CloudflareTunnelConfiguration> PutTunnelConfigurationAsync(
        string accountId, string tunnelId, CloudflareTunnelConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var body = JsonSerializer.SerializeToUtf8Bytes(new CloudflareTunnelConfigurationRequest { Config = config }, _json.CloudflareTunnelConfigurationRequest);
        var request = new ApiRequest(HttpMethod.Put, TunnelConfigurationPath(accountId, tunnelId)) { Body = body, Idempotent = true };
        var envelope = await SendAsync(request, _json.CloudflareEnvelopeCloudflareTunnelConfiguration, cancellationToken);
        return envelope.Result ?? throw _http.Invalid(request, "the answer has no tunnel configuration");
    }

    private static string TunnelConfigurationPath(string accountId, string tunnelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(tunnelId);
        return $"/accounts/{QueryString.Segment(accountId)}/cfd_tunnel/{QueryString.Segment(tunnelId)}/configurations";
    }
}
