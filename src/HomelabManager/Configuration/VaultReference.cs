using System.Diagnostics.CodeAnalysis;

namespace HomelabManager.Configuration;

/// <summary>
/// A <c>vault:PATH#KEY</c> value: the secret stays in Vault and is read at run time by a Nomad template.
/// <see cref="Path"/> is written as for <c>vault kv get</c>: mount first, without KV v2's <c>data/</c> segment
/// (e.g. <c>secret/cloudflare</c>).
/// </summary>
public sealed record VaultReference(string Path, string Key)
{
    /// <summary>The prefix that marks a Vault reference.</summary>
    public const string Prefix = "vault:";

    /// <summary>True when the text starts with <c>vault:</c> (so it must be a well-formed reference).</summary>
    public static bool LooksLikeReference(string text) =>
        text is not null && text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses <c>vault:PATH#KEY</c>; false for anything else or a malformed reference.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out VaultReference? reference)
    {
        reference = null;
        if (!LooksLikeReference(text))
        {
            return false;
        }

        var body = text[Prefix.Length..];
        var hash = body.LastIndexOf('#');
        if (hash <= 0 || hash == body.Length - 1)
        {
            return false;
        }

        var path = body[..hash].Trim('/');
        var key = body[(hash + 1)..];
        if (path.Length == 0 || path.Contains("//", StringComparison.Ordinal) || path.Any(char.IsWhiteSpace) || key.Any(char.IsWhiteSpace))
        {
            return false;
        }

        reference = new VaultReference(path, key);
        return true;
    }

    /// <summary>The canonical <c>vault:PATH#KEY</c> form.</summary>
    public override string ToString() => $"{Prefix}{Path}#{Key}";
}
