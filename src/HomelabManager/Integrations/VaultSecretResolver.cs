using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using HomelabManager.Secrets;
using VaultSettings = HomelabManager.Configuration.VaultSettings;

namespace HomelabManager.Integrations;

/// <summary>
/// Reads <c>vault:PATH#KEY</c> values from Vault: KV v1 or v2 as the mount says (<see cref="KvMounts"/>), each secret
/// once per command run. Vault is first contacted on the first read, so a homelab without <c>vault:</c> credentials
/// never needs it. Not thread-safe: one command run reads in sequence.
/// </summary>
/// <param name="vault">The run's Vault client (created on first use).</param>
/// <param name="configured">homelab.yaml's Vault settings, for tokens that may not read <c>sys/mounts</c>.</param>
/// <param name="warn">Receives warnings (e.g. a KV version assumed).</param>
internal sealed class VaultSecretResolver(Func<IVaultClient> vault, Func<VaultSettings?> configured, Action<string> warn) : ISecretResolver
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>?> _secrets = new(StringComparer.Ordinal);
    private IVaultClient? _client;
    private KvMounts? _mounts;

    public async Task<string> ReadAsync(VaultReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!_secrets.TryGetValue(reference.Path, out var values))
        {
            values = await ReadSecretAsync(reference, cancellationToken);
            _secrets[reference.Path] = values;
        }

        if (values is null)
        {
            throw new SecretUsageException(
                $"{reference}: no secret at path \"{reference.Path}\"; write it with 'homelab-manager secrets set {reference.Path} {reference.Key}' or 'vault kv put'");
        }

        return values.TryGetValue(reference.Key, out var value)
            ? value
            : throw new SecretUsageException($"{reference}: the secret at path \"{reference.Path}\" has no key \"{reference.Key}\"");
    }

    /// <summary>The secret's values; null when it was never written or its latest version is deleted.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> ReadSecretAsync(VaultReference reference, CancellationToken cancellationToken)
    {
        try
        {
            _client ??= vault();
            _mounts ??= new KvMounts(_client, configured, warn);
            var mount = await _mounts.ResolveAsync(reference.Mount, cancellationToken);
            var secret = await _client.ReadSecretAsync(mount, reference.PathInMount, cancellationToken: cancellationToken);
            return secret?.Values?.Values;
        }
        catch (SecretUsageException exception)
        {
            throw new SecretUsageException($"{reference}: {exception.Message}");
        }
        catch (ApiException exception)
        {
            throw new SecretUsageException($"{reference}: cannot read it: {exception.Message}");
        }
    }
}
