using System.Net;
using System.Numerics;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>Host addresses of the VPN networks: which ones a peer may have, and the next free one.</summary>
internal static class WireGuardAddressPool
{
    /// <summary>How far <see cref="NextFree"/> searches a network (large IPv6 networks are never full in practice).</summary>
    private const int SearchLimit = 1 << 16;

    /// <summary>The first host of the network of <paramref name="address"/> (network address + 1).</summary>
    public static IPAddress FirstHost(WireGuardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Add(address.Network.BaseAddress, 1);
    }

    /// <summary>The last address of the network of <paramref name="address"/> (IPv4: its broadcast address).</summary>
    public static IPAddress Broadcast(WireGuardAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var size = BigInteger.One << (address.HostPrefix - address.PrefixLength);
        return Add(address.Network.BaseAddress, size - 1);
    }

    /// <summary>
    /// Why <paramref name="peer"/> cannot be a peer address of a server with <paramref name="server"/> addresses, or null:
    /// it must be one host inside one of the server's networks, not the network, broadcast or server address.
    /// </summary>
    public static string? PeerAddressProblem(WireGuardAddress peer, IReadOnlyList<WireGuardAddress> server)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(server);
        if (!peer.IsHost)
        {
            return $"A peer address is one host: write {peer.Address}/{peer.HostPrefix} (or the address alone).";
        }

        var network = server.FirstOrDefault(s => s.IsIPv6 == peer.IsIPv6 && s.Network.Contains(peer.Address));
        if (network is null)
        {
            return $"{peer.Address} is outside the VPN network ({string.Join(", ", server.Select(s => s.Network.ToString()))}).";
        }

        if (peer.Address.Equals(network.Address))
        {
            return $"{peer.Address} is the server's own address.";
        }

        if (peer.Address.Equals(network.Network.BaseAddress) || (!peer.IsIPv6 && peer.Address.Equals(Broadcast(network))))
        {
            return $"{peer.Address} is the network or broadcast address of {network.Network}.";
        }

        return null;
    }

    /// <summary>
    /// One free host address per server network (the lowest not in <paramref name="used"/>), as <c>/32</c> or <c>/128</c>;
    /// null when a network is full.
    /// </summary>
    public static IReadOnlyList<WireGuardAddress>? NextFree(IReadOnlyList<WireGuardAddress> server, IEnumerable<IPAddress> used)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(used);
        var taken = new HashSet<IPAddress>(used);
        var result = new List<WireGuardAddress>();
        foreach (var network in server)
        {
            WireGuardAddress? found = null;
            for (var offset = 1; offset <= SearchLimit; offset++)
            {
                var candidate = new WireGuardAddress(Add(network.Network.BaseAddress, offset), network.HostPrefix);
                if (!network.Network.Contains(candidate.Address))
                {
                    break;
                }

                if (!taken.Contains(candidate.Address) && PeerAddressProblem(candidate, server) is null)
                {
                    found = candidate;
                    break;
                }
            }

            if (found is null)
            {
                return null;
            }

            result.Add(found);
        }

        return result;
    }

    private static IPAddress Add(IPAddress address, BigInteger offset)
    {
        var bytes = address.GetAddressBytes();
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) + offset;
        var sum = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[bytes.Length];
        var count = Math.Min(sum.Length, result.Length);
        Array.Copy(sum, sum.Length - count, result, result.Length - count, count);
        return new IPAddress(result);
    }
}
