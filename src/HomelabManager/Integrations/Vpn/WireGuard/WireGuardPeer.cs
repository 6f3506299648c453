namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>One client of the VPN, as listed under <c>vpn.config.peers</c>.</summary>
/// <param name="Name">A label: letters, digits, '-', '_' and '.', e.g. <c>laptop</c>; it names the peer's Vault secret too.</param>
/// <param name="PublicKey">Its public key (base64).</param>
/// <param name="Addresses">Its addresses in the tunnel, one host each (<c>/32</c>, <c>/128</c>): the server's AllowedIPs for it.</param>
internal sealed record WireGuardPeer(string Name, string PublicKey, IReadOnlyList<WireGuardAddress> Addresses);
