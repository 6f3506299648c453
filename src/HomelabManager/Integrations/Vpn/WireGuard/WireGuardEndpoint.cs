using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>Where peers dial the server: a public host name or address and a UDP port.</summary>
/// <param name="Host">Host name or address (IPv6 without brackets).</param>
/// <param name="Port">UDP port.</param>
internal sealed record WireGuardEndpoint(string Host, int Port)
{
    /// <summary>wg-quick's form: <c>host:port</c>, <c>[v6]:port</c>.</summary>
    public override string ToString() =>
        (IPAddress.TryParse(Host, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{Host}]" : Host)
        + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>host</c>, <c>host:port</c> or <c>[v6]:port</c>; a missing port is <paramref name="defaultPort"/>.</summary>
    public static bool TryParse(string text, int defaultPort, [NotNullWhen(true)] out WireGuardEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        endpoint = null;
        error = "Expected the public host name or address peers dial, with an optional UDP port: vpn.example.com:51820, 203.0.113.7 or [2001:db8::1]:51820.";
        var host = text.Trim();
        var port = defaultPort;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            var rest = host[(close + 1)..];
            host = host[1..close];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port)))
            {
                return false;
            }

            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || host.Contains('%', StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (host.Count(c => c == ':') == 1)
        {
            var colon = host.IndexOf(':', StringComparison.Ordinal);
            if (!TryPort(host[(colon + 1)..], out port))
            {
                return false;
            }

            host = host[..colon];
        }

        if (host.Length == 0)
        {
            return false;
        }

        var isAddress = IPAddress.TryParse(host, out var parsed) && !host.Contains('%', StringComparison.Ordinal)
            && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || host.Count(c => c == '.') == 3);
        if (!isAddress && DnsNames.DomainProblem(host) is not null)
        {
            return false;
        }

        endpoint = new WireGuardEndpoint(isAddress ? host : host.ToLowerInvariant(), port);
        error = null;
        return true;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;
}
