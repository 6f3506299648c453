using System.Diagnostics.CodeAnalysis;

namespace HomelabManager.Commands.Secrets;

/// <summary>
/// A secret path as users write it: the KV mount first, then the path inside it (<c>secret/nextcloud</c>),
/// the same shape as in <c>vault:PATH#KEY</c> references. <see cref="InMount"/> is empty for the mount itself.
/// </summary>
internal sealed record SecretPath(string Mount, string InMount)
{
    /// <summary><c>mount/path</c>, or <c>mount/</c> for the mount's root.</summary>
    public override string ToString() => InMount.Length == 0 ? Mount + "/" : Mount + "/" + InMount;

    /// <summary>Parses a path that names a secret (mount and at least one more segment).</summary>
    public static bool TryParseSecret(string text, [NotNullWhen(true)] out SecretPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        path = null;
        var segments = text.Trim('/').Split('/');
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '#'))
        {
            error = $"the secret path '{text}' must not contain whitespace, control characters or '#'";
            return false;
        }

        if (segments.Length < 2)
        {
            error = $"the secret path '{text}' needs the KV mount first, e.g. 'secret/{text.Trim('/')}'";
            return false;
        }

        if (segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            error = $"the secret path '{text}' has an empty, '.' or '..' segment";
            return false;
        }

        path = new SecretPath(segments[0], string.Join('/', segments[1..]));
        error = null;
        return true;
    }

    /// <summary>Parses a path to list: a secret or folder (<c>secret/apps</c>) or a mount alone (<c>secret</c>).</summary>
    public static bool TryParseFolder(string text, [NotNullWhen(true)] out SecretPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim('/');
        if (trimmed.Length > 0 && !trimmed.Contains('/', StringComparison.Ordinal) && trimmed.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && c != '#'))
        {
            path = new SecretPath(trimmed, string.Empty);
            error = null;
            return true;
        }

        return TryParseSecret(text, out path, out error);
    }
}
