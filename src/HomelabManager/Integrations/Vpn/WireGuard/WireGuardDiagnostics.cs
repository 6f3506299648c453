using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>Diagnostics of the wireguard provider (HLM44x). They name peers and keys, never a private key.</summary>
internal static class WireGuardDiagnostics
{
    /// <summary>HLM440: two peers share a name.</summary>
    public static Diagnostic DuplicateName(ConfigScalar name, ConfigScalar first) => Duplicate("HLM440", "name", name, first);

    /// <summary>HLM441: two peers share a public key.</summary>
    public static Diagnostic DuplicatePublicKey(ConfigScalar key, ConfigScalar first) => Duplicate("HLM441", "public key", key, first);

    /// <summary>HLM442: two peers (or a peer and the server) share an address.</summary>
    public static Diagnostic DuplicateAddress(ConfigScalar address, string host, ConfigScalar first) => Diagnostic.Error(
        "HLM442", $"Address {host} is used twice",
        $"It is already given to the peer at line {first.Range.Start.Line}; every peer needs its own address (\"vpn peer add\" picks a free one).",
        address.Path, address.Range);

    /// <summary>HLM443: a peer value written with a <c>${VAR}</c> placeholder.</summary>
    public static Diagnostic PlaceholderInPeer(ConfigScalar value) => Diagnostic.Error(
        "HLM443", $"\"{value.KeyPath}\" cannot use a placeholder",
        "Peers are written by \"vpn peer add\" with their values in place; write the value itself.", value.Path, value.Range);

    /// <summary>HLM444: the wireguard provider is needed (vpn commands) but another or none is configured.</summary>
    public static Diagnostic NotConfigured(string path, HomelabConfiguration? configuration) => Diagnostic.Error(
        "HLM444", configuration?.Vpn is { } vpn ? $"The vpn provider is \"{vpn.Provider}\", not \"wireguard\"" : "No vpn provider is configured",
        "Add to homelab.yaml:\nvpn:\n  provider: wireguard\n  config:\n    address: 10.8.0.1/24\n    endpoint: vpn.example.com:51820",
        path, configuration?.Vpn?.ProviderRange ?? SourceRange.At(SourcePosition.Start));

    private static Diagnostic Duplicate(string code, string what, ConfigScalar value, ConfigScalar first) => Diagnostic.Error(
        code, $"Two peers have the same {what}",
        $"The peer at line {first.Range.Start.Line} already has it; every peer needs its own {what}.", value.Path, value.Range);
}
