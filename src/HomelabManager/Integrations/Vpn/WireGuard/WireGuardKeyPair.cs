namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>A WireGuard key pair in base64. <see cref="ToString"/> never shows the private key.</summary>
internal sealed class WireGuardKeyPair(string privateKey, string publicKey)
{
    /// <summary>The private key: goes to Vault and into the one peer config printed for the user, nowhere else.</summary>
    public string PrivateKey { get; } = privateKey;

    /// <summary>The public key (safe to show and to write into homelab.yaml).</summary>
    public string PublicKey { get; } = publicKey;

    /// <summary>The public key only.</summary>
    public override string ToString() => $"WireGuardKeyPair {{ public = {PublicKey}, private hidden }}";
}
