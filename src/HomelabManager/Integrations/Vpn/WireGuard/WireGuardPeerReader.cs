using System.Net;
using System.Text.RegularExpressions;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// Reads and checks <c>vpn.config.peers</c>: a list of <c>{name, public_key, address}</c> mappings. Every problem is
/// reported at its line: bad names, keys that are not 32-byte base64, addresses that are not one host inside the
/// VPN network, and names, keys or addresses used twice.
/// </summary>
internal static partial class WireGuardPeerReader
{
    private static readonly string[] PeerKeys = ["name", "public_key", "address"];

    /// <summary>
    /// The valid peers of <paramref name="config"/>. <paramref name="server"/> (null when not known yet, e.g. a placeholder)
    /// enables the checks against the VPN network.
    /// </summary>
    public static IReadOnlyList<WireGuardPeer> Read(ConfigMapping config, IReadOnlyList<WireGuardAddress>? server, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = config.GetSequence(WireGuardOptions.PeersKey, diagnostics);
        if (list is null)
        {
            return [];
        }

        var peers = new List<WireGuardPeer>();
        var names = new Dictionary<string, ConfigScalar>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
        var addresses = new Dictionary<IPAddress, ConfigScalar>();
        foreach (var item in list.Items)
        {
            if (item is not ConfigMapping peer)
            {
                diagnostics.Add(ConfigurationDiagnostics.WrongType(item.Path, item.Range, item.KeyPath,
                    "a mapping with name, public_key and address", item.Description));
                continue;
            }

            peer.ReportUnknownKeys(PeerKeys, diagnostics);
            var name = Literal(peer.GetRequiredScalar("name", "name: laptop", diagnostics), diagnostics);
            var key = Literal(peer.GetRequiredScalar("public_key", "public_key: <base64 from wg pubkey>", diagnostics), diagnostics);
            var address = Literal(peer.GetRequiredScalar("address", "address: 10.8.0.2/32", diagnostics), diagnostics);
            var valid = true;
            if (name is not null && NameProblem(name.Text) is { } nameProblem)
            {
                diagnostics.Add(ConfigurationDiagnostics.InvalidValue(name.Path, name.Range, name.KeyPath, nameProblem));
                valid = false;
            }
            else if (name is not null && !names.TryAdd(name.Text, name))
            {
                diagnostics.Add(WireGuardDiagnostics.DuplicateName(name, names[name.Text]));
                valid = false;
            }

            if (key is not null && !WireGuardKeys.IsKey(key.Text))
            {
                diagnostics.Add(ConfigurationDiagnostics.InvalidValue(key.Path, key.Range, key.KeyPath,
                    "Expected a WireGuard public key: 44 characters of base64 ending in '=', as \"wg pubkey\" prints it."));
                valid = false;
            }
            else if (key is not null && !keys.TryAdd(key.Text, key))
            {
                diagnostics.Add(WireGuardDiagnostics.DuplicatePublicKey(key, keys[key.Text]));
                valid = false;
            }

            var hosts = address is null ? null : ReadAddresses(address, server, addresses, diagnostics);
            if (valid && name is not null && key is not null && hosts is not null)
            {
                peers.Add(new WireGuardPeer(name.Text, key.Text, hosts));
            }
        }

        return peers;
    }

    /// <summary>Why <paramref name="name"/> cannot name a peer, or null.</summary>
    public static string? NameProblem(string name) =>
        NamePattern().IsMatch(name)
            ? null
            : "A peer name is 1 to 63 letters, digits, '.', '-' and '_', starting with a letter or digit, e.g. \"laptop\".";

    private static IReadOnlyList<WireGuardAddress>? ReadAddresses(
        ConfigScalar scalar, IReadOnlyList<WireGuardAddress>? server, Dictionary<IPAddress, ConfigScalar> used, DiagnosticBag diagnostics)
    {
        var parsed = WireGuardAddress.ParseList(scalar.Text, defaultToHost: true, out var error);
        var problem = error
            ?? parsed!.Where(a => !a.IsHost).Select(a => $"A peer address is one host: write {a.Address}/{a.HostPrefix} (or the address alone).").FirstOrDefault()
            ?? (server is null ? null : parsed!.Select(a => WireGuardAddressPool.PeerAddressProblem(a, server)).FirstOrDefault(p => p is not null));
        if (problem is null && parsed!.GroupBy(a => a.IsIPv6).Any(g => g.Count() > 1))
        {
            problem = "Give at most one IPv4 and one IPv6 address.";
        }

        if (problem is not null)
        {
            diagnostics.Add(ConfigurationDiagnostics.InvalidValue(scalar.Path, scalar.Range, scalar.KeyPath, problem));
            return null;
        }

        foreach (var address in parsed!)
        {
            if (!used.TryAdd(address.Address, scalar))
            {
                diagnostics.Add(WireGuardDiagnostics.DuplicateAddress(scalar, address.Address.ToString(), used[address.Address]));
                return null;
            }
        }

        return [.. parsed!.Select(a => a.AsHost)];
    }

    private static ConfigScalar? Literal(ConfigScalar? scalar, DiagnosticBag diagnostics)
    {
        if (scalar is not null && (scalar.HasPlaceholders || scalar.HasMalformedPlaceholder))
        {
            diagnostics.Add(WireGuardDiagnostics.PlaceholderInPeer(scalar));
            return null;
        }

        return scalar;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex NamePattern();
}
