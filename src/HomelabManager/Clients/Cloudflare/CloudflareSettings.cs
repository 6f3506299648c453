using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>Where and as whom the Cloudflare client talks.</summary>
/// <param name="ApiUrl">Base address including <c>/client/v4</c> (provider option <c>api_url</c>).</param>
/// <param name="ApiToken">API token, sent as <c>Authorization: Bearer</c>; never printed.</param>
internal sealed record CloudflareSettings(Uri ApiUrl, string ApiToken)
{
    /// <summary>The real API.</summary>
    public const string DefaultApiUrl = "https://api.cloudflare.com/client/v4";

    /// <summary>The transport endpoint.</summary>
    public ApiEndpoint ToEndpoint() => new("Cloudflare", ApiUrl, "Authorization", "Bearer " + ApiToken, ApiTlsSettings.Default);

    /// <summary>Prints without the token.</summary>
    public override string ToString() => $"Cloudflare at {ApiUrl} (token {SecretRedactor.Mask})";
}
