namespace HomelabManager.Clients.Vault;

/// <summary>
/// The Vault HTTP API as the homelab commands use it. Secret values are only ever returned to the
/// caller: never traced, logged or put in exception messages.
/// </summary>
internal interface IVaultClient
{
    /// <summary><c>GET /v1/sys/health</c> (unauthenticated); standby/sealed/uninitialised are answers, not errors.</summary>
    Task<VaultHealth> ReadHealthAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/sys/mounts</c>: mount path (with trailing <c>/</c>) → mount.</summary>
    Task<IReadOnlyDictionary<string, VaultMount>> ListMountsAsync(CancellationToken cancellationToken = default);

    /// <summary>The KV mount at <paramref name="mountPath"/> and its version; null when there is no KV mount there.</summary>
    Task<VaultKvMount?> ResolveKvMountAsync(string mountPath, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/auth/token/lookup-self</c>.</summary>
    Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a secret (KV v2: <c>&lt;mount&gt;/data/&lt;path&gt;</c>, optionally an older version; KV v1:
    /// <c>&lt;mount&gt;/&lt;path&gt;</c>). Null when it was never written; <see cref="VaultKvSecret.IsDeleted"/>
    /// when its latest version is deleted or destroyed.
    /// </summary>
    Task<VaultKvSecret?> ReadSecretAsync(VaultKvMount mount, string path, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>KV v2 <c>&lt;mount&gt;/metadata/&lt;path&gt;</c>; null when unknown. KV v1 has no metadata.</summary>
    Task<VaultKvMetadata?> ReadSecretMetadataAsync(VaultKvMount mount, string path, CancellationToken cancellationToken = default);

    /// <summary>Lists a folder (sub-folders end with <c>/</c>); empty when it does not exist.</summary>
    Task<IReadOnlyList<string>> ListSecretsAsync(VaultKvMount mount, string folder, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a secret. KV v2 creates a new version (returned) and honours <paramref name="cas"/>
    /// (0 = only if new); KV v1 overwrites and returns null (<paramref name="cas"/> must be null).
    /// </summary>
    Task<VaultKvVersionMetadata?> WriteSecretAsync(
        VaultKvMount mount, string path, IReadOnlyDictionary<string, string> values, long? cas = null, CancellationToken cancellationToken = default);
}
