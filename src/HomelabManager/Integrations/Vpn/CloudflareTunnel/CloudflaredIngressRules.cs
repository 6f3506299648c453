using System.Globalization;
using System.Text.RegularExpressions;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>
/// cloudflared's checks of an ingress list (<c>ingress/ingress.go</c>, <c>contracts/dns-vpn-auth.md</c> §2.1), with
/// its exact messages: the last rule is the only catch-all, no port in a host name, a wildcard only as the first
/// character, and a service it can reach.
/// </summary>
internal static class CloudflaredIngressRules
{
    /// <summary>The message for an ingress list whose last rule filters.</summary>
    public const string LastRuleMustMatchAll = "The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)";

    /// <summary>The message for a host name with a port.</summary>
    public const string HostnameWithPort = "Hostname cannot contain a port";

    /// <summary>The message for a misplaced or repeated <c>*</c>.</summary>
    public const string BadWildcard = "Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\"";

    /// <summary>The message for an empty list.</summary>
    public const string NoRules = "The config file doesn't contain any ingress rules";

    private static readonly string[] BuiltInServices = ["hello_world", "bastion", "socks-proxy"];

    /// <summary>True when a rule matches every request (no host name or <c>*</c>, and no path).</summary>
    public static bool IsCatchAll(string? hostname, string? path) =>
        (string.IsNullOrEmpty(hostname) || hostname == "*") && string.IsNullOrEmpty(path);

    /// <summary>Every problem of <paramref name="rules"/> (host name, path, service), in order; empty when cloudflared accepts them.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<(string? Hostname, string? Path, string Service)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            return [NoRules];
        }

        var problems = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var (hostname, path, service) = rules[i];
            var number = i + 1;
            if (HostnameProblem(hostname) is { } hostProblem)
            {
                problems.Add(hostProblem);
            }

            if (!string.IsNullOrEmpty(path) && PathProblem(path) is { } pathProblem)
            {
                problems.Add($"Rule #{number} has an invalid regex: {pathProblem}");
            }

            if (ServiceProblem(service) is { } serviceProblem)
            {
                problems.Add(serviceProblem);
            }

            if (i < rules.Count - 1 && IsCatchAll(hostname, path))
            {
                problems.Add($"Rule #{number} is matching the hostname '{hostname}', but this will match every hostname, meaning the rules which follow it will never be triggered.");
            }
        }

        var last = rules[^1];
        if (!IsCatchAll(last.Hostname, last.Path))
        {
            problems.Add(LastRuleMustMatchAll);
        }

        return problems;
    }

    /// <summary>Why cloudflared rejects <paramref name="hostname"/>, or null.</summary>
    public static string? HostnameProblem(string? hostname)
    {
        if (string.IsNullOrEmpty(hostname))
        {
            return null;
        }

        if (hostname.Contains(':', StringComparison.Ordinal))
        {
            return HostnameWithPort;
        }

        return hostname.LastIndexOf('*') > 0 ? BadWildcard : null;
    }

    /// <summary>Why cloudflared rejects the origin <paramref name="service"/>, or null.</summary>
    public static string? ServiceProblem(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.StartsWith("http_status:", StringComparison.Ordinal))
        {
            var code = service["http_status:".Length..];
            return int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 999
                ? null
                : $"invalid HTTP status code: {code}";
        }

        if (BuiltInServices.Contains(service, StringComparer.Ordinal)
            || (service.StartsWith("unix:", StringComparison.Ordinal) && service.Length > "unix:".Length)
            || (service.StartsWith("unix+tls:", StringComparison.Ordinal) && service.Length > "unix+tls:".Length))
        {
            return null;
        }

        var separator = service.IndexOf("://", StringComparison.Ordinal);
        var authority = separator > 0 ? service[(separator + 3)..] : string.Empty;
        var end = authority.IndexOfAny(['/', '?', '#']);
        var host = end < 0 ? authority : authority[..end];
        if (separator <= 0 || host.Length == 0 || host.StartsWith(':') || service.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(service, UriKind.Absolute, out _))
        {
            return $"{service} is an invalid address, please make sure it has a scheme and a hostname";
        }

        return end >= 0 && authority[end] == '/'
            ? $"{service} is an invalid address, ingress rules don't support proxying to a different path on the origin service. The path will be the same as the eyeball request's path"
            : null;
    }

    private static string? PathProblem(string path)
    {
        try
        {
            _ = new Regex(path, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }
}
