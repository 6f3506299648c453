using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HomelabManager.Commands.Vpn;

/// <summary><c>vpn peer add --output json</c>. <see cref="Config"/> holds the peer's private key: it is printed this once.</summary>
/// <param name="Name">The peer.</param>
/// <param name="Addresses">Its tunnel addresses.</param>
/// <param name="PublicKey">Its public key (now in homelab.yaml).</param>
/// <param name="PrivateKeyVault">Where its private key is kept: <c>vault:PATH#KEY</c>.</param>
/// <param name="ServerKeyCreated">True when this run created the server's key pair in Vault.</param>
/// <param name="Config">The peer's wg-quick config.</param>
internal sealed record VpnPeerAddReport(string Name, IReadOnlyList<string> Addresses, string PublicKey, string PrivateKeyVault, bool ServerKeyCreated, string Config);

/// <summary><c>vpn peer list --output json</c>: the server and its peers (public data only).</summary>
/// <param name="Interface">The server interface.</param>
/// <param name="Endpoint">What peers dial.</param>
/// <param name="Addresses">The server's tunnel addresses.</param>
/// <param name="Peers">The peers in file order.</param>
internal sealed record VpnPeerListReport(string Interface, string Endpoint, IReadOnlyList<string> Addresses, IReadOnlyList<VpnPeerEntry> Peers);

/// <summary>One peer of <see cref="VpnPeerListReport"/>.</summary>
internal sealed record VpnPeerEntry(string Name, IReadOnlyList<string> Addresses, string PublicKey);

/// <summary><c>vpn peer remove --output json</c>.</summary>
/// <param name="Name">The removed peer.</param>
/// <param name="PrivateKeyVault">Where its private key still is in Vault (delete it there when no longer wanted).</param>
internal sealed record VpnPeerRemoveReport(string Name, string PrivateKeyVault);

/// <summary>Source-generated (NativeAOT-safe) JSON of the vpn reports: camelCase, indented.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(VpnPeerAddReport))]
[JsonSerializable(typeof(VpnPeerListReport))]
[JsonSerializable(typeof(VpnPeerRemoveReport))]
internal sealed partial class VpnJsonContext : JsonSerializerContext;

/// <summary>Writes the vpn reports; UTF-8 text stays readable (the output is JSON, not HTML).</summary>
internal static class VpnJson
{
    private static readonly JsonSerializerOptions Options = new(VpnJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a report registered on <see cref="VpnJsonContext"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
}
