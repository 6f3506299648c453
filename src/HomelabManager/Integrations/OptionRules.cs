namespace HomelabManager.Integrations;

/// <summary>Validators shared by provider options.</summary>
internal static class OptionRules
{
    /// <summary>A TCP port, 1–65535.</summary>
    public static string? Port(string text) =>
        int.TryParse(text.Trim(), out var port) && port is >= 1 and <= 65535 ? null : "Expected a port number between 1 and 65535.";

    /// <summary>One DNS label (a sub-domain of <c>homelab.domain</c>).</summary>
    public static string? Subdomain(string text) =>
        text.Length is >= 1 and <= 63 && text[0] != '-' && text[^1] != '-' && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? null
            : "Expected one DNS label: lower-case letters, digits and '-', e.g. \"auth\".";

    /// <summary>A name usable in configs and Traefik tags: letters, digits, '-' and '_'.</summary>
    public static string? Identifier(string text) =>
        text.Length is >= 1 and <= 63 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : "Expected letters, digits, '-' and '_' only.";

    /// <summary>A container image reference without whitespace.</summary>
    public static string? Image(string text) =>
        text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? null : "Expected a container image such as \"traefik:v3.5\".";

    /// <summary>An absolute https URL.</summary>
    public static string? HttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !text.Any(char.IsWhiteSpace)
            ? null
            : "Expected an https:// URL.";

    /// <summary>An absolute http or https URL (http for local doubles and proxies), e.g. an API's base address.</summary>
    public static string? HttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !text.Any(char.IsWhiteSpace)
            ? null
            : "Expected an http(s):// URL.";
}
