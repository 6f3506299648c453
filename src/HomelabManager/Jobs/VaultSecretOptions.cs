namespace HomelabManager.Jobs;

/// <summary>How tasks read Vault secrets (workload identity only; never token policies).</summary>
internal sealed record VaultSecretOptions
{
    /// <summary>
    /// Vault JWT role put in the task's <c>Vault.Role</c>; null leaves it to the auth method's default role.
    /// Default: <c>nomad-workloads</c>, the role <c>nomad setup vault</c> creates.
    /// </summary>
    public string? Role { get; init; } = "nomad-workloads";

    /// <summary>KV version of mounts not listed in <see cref="MountKvVersions"/>.</summary>
    public VaultKvVersion DefaultKvVersion { get; init; } = VaultKvVersion.V2;

    /// <summary>KV version per mount name (first path segment), e.g. <c>{"kv": V1}</c>.</summary>
    public IReadOnlyDictionary<string, VaultKvVersion> MountKvVersions { get; init; } =
        new Dictionary<string, VaultKvVersion>(StringComparer.Ordinal);

    /// <summary>
    /// Declare the <c>vault_default</c> workload identity on the task. Needed only when the Nomad servers
    /// have no <c>vault.default_identity</c>; off by default.
    /// </summary>
    public bool DeclareIdentity { get; init; }

    /// <summary>Audience of the declared identity (<c>vault.io</c>, as <c>nomad setup vault</c> expects).</summary>
    public string IdentityAudience { get; init; } = "vault.io";

    /// <summary>Lifetime of the declared identity's token.</summary>
    public TimeSpan IdentityTtl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The KV version of <paramref name="mount"/>.</summary>
    public VaultKvVersion KvVersionOf(string mount) =>
        MountKvVersions.TryGetValue(mount, out var version) ? version : DefaultKvVersion;
}
