using HomelabManager.Clients.Cloudflare;

namespace HomelabManager.Integrations.Dns.Cloudflare;

/// <summary>The Cloudflare client of a provider (dns <c>cloudflare</c>, vpn <c>cloudflare_tunnel</c>) from its <c>api_token</c> and <c>api_url</c>.</summary>
internal static class CloudflareProviderClient
{
    /// <summary>
    /// A client with the <c>api_token</c> (from the environment or Vault), on the command's clock and trace, with
    /// Cloudflare's retry rules; <paramref name="what"/> names the token in the error when it is empty.
    /// </summary>
    public static CloudflareClient Create(IntegrationContext context, HttpClient http, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var token = context.Secret("api_token");
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException($"{what} ({settings.KeyPathOf("api_token")}) is empty.");
        }

        return new CloudflareClient(
            new CloudflareSettings(new Uri(settings.GetRequiredString("api_url")), token),
            context.ApiOptions with { Retry = CloudflareClient.DefaultRetry, Handler = new SharedHttpClientHandler(http) });
    }
}
