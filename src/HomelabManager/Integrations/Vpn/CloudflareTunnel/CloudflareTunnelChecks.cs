using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;
using HomelabManager.Integrations.Dns.Cloudflare;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary><c>doctor</c> for the <c>cloudflare_tunnel</c> provider: the API token verifies, and it can read the tunnel's configuration.</summary>
internal static class CloudflareTunnelChecks
{
    private const string TokenHint = "create an API token with Account.Cloudflare Tunnel edit permission and give it as vpn.config.api_token";

    public static async Task<IReadOnlyList<ProviderCheck>> RunAsync(CloudflareClient client, string accountId, string tunnelId, CancellationToken cancellationToken)
    {
        var tunnelCheck = $"tunnel {tunnelId}";
        var token = await CloudflareChecks.TokenAsync(client, TokenHint, "check vpn.config.api_url and the network path to the Cloudflare API", cancellationToken);
        if (token.Status != ProviderCheckStatus.Pass)
        {
            return [token, ProviderCheck.Skipped(tunnelCheck, "the API token is not usable")];
        }

        try
        {
            var configuration = await client.GetTunnelConfigurationAsync(accountId, tunnelId, cancellationToken);
            return [token, ProviderCheck.Passed(tunnelCheck, $"configuration version {configuration.Version}")];
        }
        catch (ApiException exception)
        {
            return [token, ProviderCheck.Failed(tunnelCheck, exception.Message, "check vpn.config.account_id and tunnel_id (`cloudflared tunnel list`) and the token's permissions")];
        }
    }
}
