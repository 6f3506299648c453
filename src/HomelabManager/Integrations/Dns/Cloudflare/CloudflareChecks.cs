using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;

namespace HomelabManager.Integrations.Dns.Cloudflare;

/// <summary><c>doctor</c> for the <c>cloudflare</c> dns provider: the API token verifies as active, and it sees the zone.</summary>
internal static class CloudflareChecks
{
    private const string TokenCheck = "API token";
    private const string TokenHint = "create an API token with Zone.DNS edit permission for the zone and give it as dns.config.api_token";

    public static async Task<IReadOnlyList<ProviderCheck>> RunAsync(CloudflareClient client, string zone, CancellationToken cancellationToken)
    {
        var zoneCheck = $"zone {zone}";
        var token = await TokenAsync(client, TokenHint, "check dns.config.api_url and the network path to the Cloudflare API", cancellationToken);
        if (token.Status != ProviderCheckStatus.Pass)
        {
            return [token, ProviderCheck.Skipped(zoneCheck, "the API token is not usable")];
        }

        try
        {
            var found = await client.FindZoneAsync(zone, cancellationToken);
            return
            [
                token,
                found is null
                    ? ProviderCheck.Failed(zoneCheck, $"the token sees no zone \"{zone}\"", "add the zone to the token's zone resources, or set dns.config.zone to the zone that holds homelab.domain")
                    : ProviderCheck.Passed(zoneCheck, $"{found.Name} is {found.Status ?? "there"}"),
            ];
        }
        catch (ApiException exception)
        {
            return [token, ProviderCheck.Failed(zoneCheck, Reason(exception), "give the token Zone.DNS edit permission for this zone")];
        }
    }

    /// <summary>
    /// The token verifies as active (<c>/user/tokens/verify</c>); <paramref name="hint"/> is the fix for a refused or
    /// inactive token, <paramref name="unreachableHint"/> the fix when the API cannot be reached.
    /// </summary>
    internal static async Task<ProviderCheck> TokenAsync(CloudflareClient client, string hint, string unreachableHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var token = await client.VerifyTokenAsync(cancellationToken);
            return token.Status != "active"
                ? ProviderCheck.Failed(TokenCheck, $"the token is {token.Status}", hint)
                : ProviderCheck.Passed(TokenCheck, token.ExpiresOn is { Length: > 0 } expires ? $"active (expires {expires})" : "active");
        }
        catch (ApiException exception)
        {
            return ProviderCheck.Failed(TokenCheck, Reason(exception), exception.Kind == ApiErrorKind.HttpStatus ? hint : unreachableHint);
        }
    }

    /// <summary>The request, status and server's message (redacted: never the token).</summary>
    private static string Reason(ApiException exception) => exception.Message;
}
