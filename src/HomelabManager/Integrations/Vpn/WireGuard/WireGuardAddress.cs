using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// An interface address with its prefix, as wg-quick's <c>Address</c> and <c>AllowedIPs</c> write it:
/// <c>10.8.0.1/24</c>, <c>fd08::2/128</c>. Unlike <see cref="IPNetwork"/> the address may have host bits.
/// </summary>
/// <param name="Address">The address.</param>
/// <param name="PrefixLength">Prefix length: 0–32 for IPv4, 0–128 for IPv6.</param>
internal sealed record WireGuardAddress(IPAddress Address, int PrefixLength)
{
    /// <summary>True for IPv6.</summary>
    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>The largest prefix of the family: 32 or 128.</summary>
    public int HostPrefix => IsIPv6 ? 128 : 32;

    /// <summary>True when this is one host (<c>/32</c> or <c>/128</c>).</summary>
    public bool IsHost => PrefixLength == HostPrefix;

    /// <summary>The network this address is in.</summary>
    public IPNetwork Network => new(Mask(Address, PrefixLength), PrefixLength);

    /// <summary>This address alone: <c>a/32</c> or <c>a/128</c>.</summary>
    public WireGuardAddress AsHost => this with { PrefixLength = HostPrefix };

    /// <summary><c>address/prefix</c>.</summary>
    public override string ToString() => $"{Address}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Parses <c>ADDRESS/PREFIX</c>; with <paramref name="defaultToHost"/> a bare address means one host.
    /// <paramref name="error"/> says what is wrong otherwise.
    /// </summary>
    public static bool TryParse(string text, bool defaultToHost, [NotNullWhen(true)] out WireGuardAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? trimmed : trimmed[..slash];
        if (host.Length == 0 || host.Any(c => !(char.IsAsciiHexDigit(c) || c is '.' or ':')) || !IPAddress.TryParse(host, out var ip)
            || (ip.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') != 3))
        {
            error = "Expected an IP address with a prefix length, e.g. 10.8.0.1/24 or fd08::1/64.";
            return false;
        }

        var max = ip.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        int prefix;
        if (slash < 0)
        {
            if (!defaultToHost)
            {
                error = $"Add the prefix length, e.g. {host}/{(max == 32 ? 24 : 64)}.";
                return false;
            }

            prefix = max;
        }
        else if (!int.TryParse(trimmed[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > max)
        {
            error = $"The prefix length must be a number from 0 to {max}.";
            return false;
        }

        address = new WireGuardAddress(ip, prefix);
        error = null;
        return true;
    }

    /// <summary>Parses a comma-separated list (wg-quick's list syntax); null with <paramref name="error"/> on the first bad entry.</summary>
    public static IReadOnlyList<WireGuardAddress>? ParseList(string text, bool defaultToHost, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<WireGuardAddress>();
        foreach (var part in text.Split(','))
        {
            if (!TryParse(part, defaultToHost, out var address, out error))
            {
                return null;
            }

            list.Add(address);
        }

        error = null;
        return list;
    }

    /// <summary>Comma-separated, wg-quick style: <c>10.8.0.2/32, fd08::2/128</c>.</summary>
    public static string Join(IEnumerable<WireGuardAddress> addresses) => string.Join(", ", addresses.Select(a => a.ToString()));

    /// <summary><paramref name="address"/> with every bit after <paramref name="prefix"/> cleared.</summary>
    public static IPAddress Mask(IPAddress address, int prefix)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
