using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// The <c>vpn.config</c> keys of the wireguard provider and their checks. <c>peers</c> is not among them: it is a list
/// that <c>vpn peer add</c> maintains (the wizard does not ask for it); <see cref="WireGuardPeerReader"/> checks it.
/// </summary>
internal static partial class WireGuardOptions
{
    /// <summary>The key of the peer list.</summary>
    public const string PeersKey = "peers";

    /// <summary>Default interface name.</summary>
    public const string DefaultInterface = "wg0";

    /// <summary>Default UDP port (WireGuard's customary one).</summary>
    public const int DefaultListenPort = 51820;

    /// <summary>The options, in the order the wizard asks them.</summary>
    public static IReadOnlyList<ProviderOption> All { get; } =
    [
        new("interface", "WireGuard interface name on the node", OptionKind.String) { Default = DefaultInterface, Validator = InterfaceName },
        new("listen_port", "UDP port the server listens on", OptionKind.Int) { Default = "51820", Validator = OptionRules.Port },
        new("address", "Server address in the tunnel, with the VPN network's prefix (comma-separated for IPv4 and IPv6)", OptionKind.String)
        {
            Required = true, Validator = ServerAddresses, Example = "address: 10.8.0.1/24",
        },
        new("endpoint", "Public host name or address (and port) peers dial", OptionKind.String)
        {
            Required = true, Validator = Endpoint, Example = "endpoint: vpn.example.com:51820",
        },
        new("private_key", "Vault reference of the server's private key (created by `vpn peer add` when missing)", OptionKind.Secret)
        {
            Default = "vault:secret/wireguard#private_key", VaultOnly = true,
            Example = "private_key: vault:secret/wireguard#private_key",
        },
        new("dns", "DNS servers (and search domains) peers use inside the tunnel, comma-separated; empty keeps theirs", OptionKind.String) { Validator = Dns },
        new("peer_allowed_ips", "What peers route through the tunnel (default: the VPN network; 0.0.0.0/0, ::/0 for everything)", OptionKind.String)
        {
            Validator = AllowedIps,
        },
        new("persistent_keepalive", "Seconds between keepalives from peers behind NAT (0: off)", OptionKind.Int) { Default = "25", Validator = Keepalive },
    ];

    /// <summary>An interface name wg-quick accepts (its config file is <c>&lt;name&gt;.conf</c>).</summary>
    public static string? InterfaceName(string text) =>
        InterfacePattern().IsMatch(text) ? null : "Expected an interface name of 1 to 15 letters, digits and _=+.-, e.g. \"wg0\".";

    /// <summary>The server's addresses: host addresses with the prefix of the VPN network, room for peers.</summary>
    public static string? ServerAddresses(string text)
    {
        var addresses = WireGuardAddress.ParseList(text, defaultToHost: false, out var error);
        if (addresses is null)
        {
            return error;
        }

        foreach (var address in addresses)
        {
            if (address.PrefixLength > address.HostPrefix - 2)
            {
                return $"The network of {address} has no room for peers; use a shorter prefix such as /{(address.IsIPv6 ? 64 : 24)}.";
            }

            if (address.Address.Equals(address.Network.BaseAddress))
            {
                return $"{address} is the network itself; give the server's own address in it, e.g. {WireGuardAddressPool.FirstHost(address)}/{address.PrefixLength}.";
            }

            if (!address.IsIPv6 && address.Address.Equals(WireGuardAddressPool.Broadcast(address)))
            {
                return $"{address} is the network's broadcast address; give the server's own address in it.";
            }
        }

        return addresses.GroupBy(a => a.IsIPv6).Any(g => g.Count() > 1)
            ? "Give at most one IPv4 and one IPv6 address."
            : null;
    }

    /// <summary><c>host[:port]</c> or <c>[v6][:port]</c>.</summary>
    public static string? Endpoint(string text) =>
        WireGuardEndpoint.TryParse(text, DefaultListenPort, out _, out var error) ? null : error;

    /// <summary>Comma-separated addresses and search domains, as wg-quick's <c>DNS</c>.</summary>
    public static string? Dns(string text) =>
        text.Trim().Length == 0 || ParseDns(text) is not null
            ? null
            : "Expected IP addresses and search domains separated by commas, e.g. \"10.8.0.1, lab.example.com\".";

    /// <summary>The entries of a <c>dns</c> value, or null when one is neither an address nor a DNS name.</summary>
    public static IReadOnlyList<string>? ParseDns(string text)
    {
        var entries = new List<string>();
        foreach (var part in text.Split(','))
        {
            var entry = part.Trim();
            var isAddress = IPAddress.TryParse(entry, out var ip) && entry.All(c => char.IsAsciiHexDigit(c) || c is '.' or ':')
                && (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || entry.Count(c => c == '.') == 3);
            if (!isAddress && !DnsNames.IsValidDomain(entry))
            {
                return null;
            }

            entries.Add(isAddress ? ip!.ToString() : entry.ToLowerInvariant());
        }

        return entries;
    }

    /// <summary>Comma-separated networks (a bare address is one host).</summary>
    public static string? AllowedIps(string text)
    {
        var addresses = WireGuardAddress.ParseList(text, defaultToHost: true, out var error);
        return addresses is null ? error : null;
    }

    /// <summary>0 (off) to 65535 seconds.</summary>
    public static string? Keepalive(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 65535
            ? null
            : "Expected a number of seconds from 0 (off) to 65535; 25 suits peers behind NAT.";

    [GeneratedRegex("^[a-zA-Z0-9_=+.-]{1,15}$")]
    private static partial Regex InterfacePattern();
}
