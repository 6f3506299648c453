using System.Text.Json;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>How Cloudflare reports errors: the envelope's <c>errors</c> (<c>code</c> + <c>message</c>); 4xx other than 429 are the user's.</summary>
internal static class CloudflareErrors
{
    /// <summary>A POST whose name/type already exists (or conflicts, e.g. CNAME vs A).</summary>
    public const int RecordAlreadyExists = 81057;

    /// <summary>A POST identical to an existing record.</summary>
    public const int IdenticalRecordExists = 81058;

    /// <summary>An unknown record id.</summary>
    public const int RecordDoesNotExist = 81044;

    /// <summary>The token lacks permission or the zone is wrong.</summary>
    public const int AuthenticationError = 10000;

    /// <summary>No authentication headers.</summary>
    public const int MissingAuthentication = 9106;

    /// <summary>Reads <c>errors</c> as <c>"message (code N)"</c> joined with <c>; </c>; falls back to the raw body.</summary>
    public static ApiErrorPolicy Policy { get; } = new(ReadMessage, (status, _) => ApiErrorPolicy.IsClientError(status));

    /// <summary>The error codes of a body, empty when it is not an envelope.</summary>
    public static IReadOnlyList<int> Codes(string body) => ReadErrors(body)?.Select(e => e.Code).ToArray() ?? [];

    private static string ReadMessage(int status, string body) =>
        ReadErrors(body) is { Count: > 0 } errors
            ? string.Join("; ", errors.Select(e => $"{e.Message.Trim()} (code {e.Code})"))
            : body;

    private static IReadOnlyList<CloudflareMessage>? ReadErrors(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, CloudflareJsonContext.Default.CloudflareEnvelopeJsonElement)?.Errors;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
