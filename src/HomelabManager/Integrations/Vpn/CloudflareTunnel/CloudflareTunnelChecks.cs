using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary><c>doctor</c> for the <c>cloudflare_tunnel</c> provider: the API token verifies, and it can read the tunnel's configuration.</summary>
internal static class CloudflareTunnelChecks
{
    private const string TokenCheck = "API token";
    private const string TokenHint = "create an API token with Account.Cloudflare Tunnel edit permission and give it as vpn.config.api_token";

    public static async Task<IReadOnlyList<ProviderCheck>> RunAsync(CloudflareClient client, string accountId, string tunnelId, CancellationToken cancellationToken)
    {
        var tunnelCheck = $"tunnel {tunnelId}";
        ProviderCheck token;
        try
        {
            var status = await client.VerifyTokenAsync(cancellationToken);
            token = status.Status == "active"
                ? ProviderCheck.Passed(TokenCheck, "active")
                : ProviderCheck.Failed(TokenCheck, $"the token is {status.Status}", TokenHint);
        }
        catch (ApiException exception)
        {
            token = ProviderCheck.Failed(TokenCheck, exception.Message, TokenHint);
        }

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
