namespace HomelabManager.Clients.Http;

/// <summary>
/// Replaces known secret values (tokens) in any text before it reaches an exception message or a
/// trace line. One instance per connection; it only knows the secrets it was given.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "<redacted>";

    private readonly string[] _secrets;

    public SecretRedactor(params IEnumerable<string?> secrets)
    {
        // Longest first so a secret containing another is masked whole. Very short values would mask
        // ordinary words, and no real token is that short.
        _secrets = secrets
            .Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4)
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>A redactor that knows no secrets.</summary>
    public static SecretRedactor None { get; } = new();

    /// <summary>The text with every known secret (also in URL-escaped form) replaced by <see cref="Mask"/>.</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            var escaped = Uri.EscapeDataString(secret);
            if (!string.Equals(escaped, secret, StringComparison.Ordinal))
            {
                text = text.Replace(escaped, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }
}
