using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using VaultSettings = HomelabManager.Configuration.VaultSettings;

namespace HomelabManager.Secrets;

/// <summary>
/// Finds the KV version of mounts from <c>sys/mounts</c>, once per run. Tokens that may not read
/// <c>sys/mounts</c> (common for least-privilege tokens) fall back to homelab.yaml's <c>homelab.vault</c>
/// settings for its mount and to KV v2 for others, and say so.
/// </summary>
internal sealed class KvMounts(IVaultClient vault, Func<VaultSettings?> configured, Action<string> warn)
{
    private readonly Dictionary<string, VaultKvMount?> _resolved = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, VaultMount>? _mounts;
    private bool _mountsForbidden;

    /// <summary>The KV mount at <paramref name="mount"/>; throws <see cref="SecretUsageException"/> when there is none.</summary>
    public async Task<VaultKvMount> ResolveAsync(string mount, CancellationToken cancellationToken)
    {
        if (!_resolved.TryGetValue(mount, out var resolved))
        {
            resolved = await FindAsync(mount, cancellationToken);
            _resolved[mount] = resolved;
        }

        return resolved ?? throw new SecretUsageException(
            $"there is no KV secrets engine at '{mount}/'. Enable one with: vault secrets enable -path={mount} kv-v2");
    }

    private async Task<VaultKvMount?> FindAsync(string mount, CancellationToken cancellationToken)
    {
        if (_mounts is null && !_mountsForbidden)
        {
            try
            {
                _mounts = await vault.ListMountsAsync(cancellationToken);
            }
            catch (ApiException exception) when (exception.StatusCode == 403)
            {
                _mountsForbidden = true;
            }
        }

        if (_mounts is not null)
        {
            return _mounts.TryGetValue(mount + "/", out var found) && found.KvVersion is { } version ? new VaultKvMount(mount, version) : null;
        }

        var settings = configured();
        var described = settings is not null && settings.KvMount == mount;
        var assumed = described ? settings!.KvVersion : 2;
        warn($"the Vault token may not read sys/mounts; assuming '{mount}/' is KV v{assumed}" + (described ? " (homelab.vault.kv_version)" : " (the default)"));
        return new VaultKvMount(mount, assumed);
    }
}
