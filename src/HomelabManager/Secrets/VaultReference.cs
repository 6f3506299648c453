using System.Diagnostics.CodeAnalysis;

namespace HomelabManager.Secrets;

/// <summary>
/// A reference to one key of a Vault KV secret, written <c>vault:PATH#KEY</c>
/// (e.g. <c>vault:secret/nextcloud#admin_password</c>). The first path segment is the mount.
/// </summary>
internal sealed record VaultReference
{
    /// <summary>The prefix that marks a value as a Vault reference.</summary>
    public const string Prefix = "vault:";

    private VaultReference(string path, string key)
    {
        Path = path;
        Key = key;
    }

    /// <summary>Secret path including the mount, without <c>data/</c>: <c>secret/nextcloud</c>.</summary>
    public string Path { get; }

    /// <summary>Key inside the secret: <c>admin_password</c>.</summary>
    public string Key { get; }

    /// <summary>The mount: the first path segment (<c>secret</c>).</summary>
    public string Mount => Path[..Path.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The path below the mount (<c>nextcloud</c>).</summary>
    public string PathInMount => Path[(Path.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>True when <paramref name="text"/> starts with <c>vault:</c> (it may still be malformed).</summary>
    public static bool HasPrefix(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>Creates a reference from its parts; throws <see cref="FormatException"/> when invalid.</summary>
    public static VaultReference Create(string path, string key) =>
        Parse(Prefix + path + "#" + key);

    /// <summary>Parses <c>vault:PATH#KEY</c>; throws <see cref="FormatException"/> with the reason when invalid.</summary>
    public static VaultReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    /// <summary>
    /// Parses <c>vault:PATH#KEY</c>. PATH is <c>mount/rest</c> (at least two non-empty segments, no
    /// <c>.</c>/<c>..</c> segments, no whitespace, control characters or <c>#</c>); KEY is everything after
    /// the first <c>#</c> and must be non-empty without control characters.
    /// </summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out VaultReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        reference = null;
        if (!HasPrefix(text))
        {
            error = $"a Vault reference starts with '{Prefix}', e.g. 'vault:secret/app#password'";
            return false;
        }

        var body = text[Prefix.Length..];
        var hash = body.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            error = $"'{text}' has no '#KEY'; write it as 'vault:PATH#KEY', e.g. 'vault:secret/app#password'";
            return false;
        }

        var path = body[..hash];
        var key = body[(hash + 1)..];
        if (path.Length == 0 || key.Length == 0)
        {
            error = $"'{text}' needs both a path and a key: 'vault:PATH#KEY'";
            return false;
        }

        if (path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"the Vault path '{path}' must not contain whitespace or control characters";
            return false;
        }

        var segments = path.Split('/');
        if (segments.Length < 2)
        {
            error = $"the Vault path '{path}' needs a mount and a secret, e.g. 'secret/{path}'";
            return false;
        }

        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            error = $"the Vault path '{path}' has an empty, '.' or '..' segment";
            return false;
        }

        if (key.Any(char.IsControl))
        {
            error = $"the Vault key in '{text}' must not contain control characters";
            return false;
        }

        reference = new VaultReference(path, key);
        error = null;
        return true;
    }

    /// <summary>Parses <c>vault:PATH#KEY</c>; false for anything else or a malformed reference.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out VaultReference? reference) =>
        TryParse(text, out reference, out _);

    /// <summary>The canonical text form, <c>vault:PATH#KEY</c>.</summary>
    public override string ToString() => Prefix + Path + "#" + Key;
}
