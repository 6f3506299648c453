using System.Text.Json;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Vault;

/// <summary>How Vault reports errors: <c>{"errors":["…"]}</c> JSON; 4xx other than 429 are the user's.</summary>
internal static class VaultErrors
{
    /// <summary>Reads the <c>errors</c> array (joined with <c>; </c>); falls back to the raw body.</summary>
    public static ApiErrorPolicy Policy { get; } = new(ReadMessage, (status, _) => ApiErrorPolicy.IsClientError(status));

    /// <summary>The messages of an error body, or null when it is not Vault's error JSON.</summary>
    public static IReadOnlyList<string>? ReadErrors(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return errors.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
                .ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ReadMessage(int status, string body) =>
        ReadErrors(body) is { } errors ? string.Join("; ", errors.Select(e => e.Trim())) : body;
}
