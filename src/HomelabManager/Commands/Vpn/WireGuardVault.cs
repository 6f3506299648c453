using HomelabManager.Clients.Vault;
using HomelabManager.Commands.Secrets;
using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Secrets;

namespace HomelabManager.Commands.Vpn;

/// <summary>
/// The WireGuard private keys in Vault KV. Writes merge into the secret's other keys and use check-and-set (KV v2), so a
/// concurrent change is never overwritten. Key values are returned to the caller only, never traced or put in a message.
/// </summary>
internal sealed class WireGuardVault(IVaultClient vault, KvMounts mounts)
{
    /// <summary>
    /// The server's public key, derived from its private key in Vault; a new key pair is created and stored first when
    /// there is none (so running it again changes nothing).
    /// </summary>
    /// <returns>The public key, and whether the key was created now.</returns>
    public async Task<(string PublicKey, bool Created)> EnsureServerKeyAsync(VaultReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var mount = await mounts.ResolveAsync(reference.Mount, cancellationToken);
        var existing = await vault.ReadSecretAsync(mount, reference.PathInMount, cancellationToken: cancellationToken);
        if (existing?.Values?[reference.Key] is { } stored)
        {
            return WireGuardKeys.IsKey(stored)
                ? (WireGuardKeys.PublicKeyOf(stored), false)
                : throw new VpnUsageException(
                    $"{reference.Path}#{reference.Key} in Vault is not a WireGuard private key (44 characters of base64, as `wg genkey` prints)",
                    Cli.ExitCodes.Failure);
        }

        var pair = WireGuardKeys.Generate();
        await WriteAsync(mount, reference, existing, [new(reference.Key, pair.PrivateKey)], cancellationToken);
        return (pair.PublicKey, true);
    }

    /// <summary>Stores a peer's key pair at <paramref name="reference"/> (its <c>private_key</c>, and <c>public_key</c> beside it), replacing an old one.</summary>
    public async Task StorePeerKeyAsync(VaultReference reference, WireGuardKeyPair pair, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(pair);
        var mount = await mounts.ResolveAsync(reference.Mount, cancellationToken);
        var existing = await vault.ReadSecretAsync(mount, reference.PathInMount, cancellationToken: cancellationToken);
        await WriteAsync(mount, reference, existing, [new(reference.Key, pair.PrivateKey), new("public_key", pair.PublicKey)], cancellationToken);
    }

    private async Task WriteAsync(
        VaultKvMount mount, VaultReference reference, VaultKvSecret? existing, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, string>(existing?.Values?.Values ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }

        long? cas = mount.Version == 2 ? existing?.Metadata?.Version ?? 0 : null;
        await vault.WriteSecretAsync(mount, reference.PathInMount, merged, cas, cancellationToken);
    }
}
