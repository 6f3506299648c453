using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>The WireGuard server of the homelab, read from <c>vpn.config</c> with every value checked and placeholders filled.</summary>
/// <param name="Interface">Interface name, e.g. <c>wg0</c> (also the config file's name, <c>wg0.conf</c>).</param>
/// <param name="ListenPort">UDP port the server listens on.</param>
/// <param name="Addresses">The server's tunnel addresses with their networks, e.g. <c>10.8.0.1/24</c>.</param>
/// <param name="Endpoint">What peers dial.</param>
/// <param name="PrivateKey">Where the server's private key is in Vault.</param>
/// <param name="Dns">What peers use for DNS inside the tunnel (addresses and search domains); empty to leave theirs.</param>
/// <param name="PeerAllowedIps">What peers route through the tunnel.</param>
/// <param name="PersistentKeepalive">Seconds between a peer's keepalives (0: off).</param>
/// <param name="Peers">The peers, in file order.</param>
internal sealed record WireGuardServer(
    string Interface,
    int ListenPort,
    IReadOnlyList<WireGuardAddress> Addresses,
    WireGuardEndpoint Endpoint,
    VaultReference PrivateKey,
    IReadOnlyList<string> Dns,
    IReadOnlyList<WireGuardAddress> PeerAllowedIps,
    int PersistentKeepalive,
    IReadOnlyList<WireGuardPeer> Peers)
{
    /// <summary>The key inside a peer's Vault secret that holds its private key.</summary>
    public const string PeerPrivateKeyField = "private_key";

    /// <summary>Where the private key of peer <paramref name="name"/> is kept: <c>&lt;server key path&gt;/peers/&lt;name&gt;#private_key</c>.</summary>
    public VaultReference PeerPrivateKey(string name) => VaultReference.Create($"{PrivateKey.Path}/peers/{name}", PeerPrivateKeyField);

    /// <summary>Where a NixOS node reads the server's private key from (never the key itself).</summary>
    public string PrivateKeyFile => $"/var/lib/wireguard/{Interface}.key";
}
