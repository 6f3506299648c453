namespace HomelabManager.Jobs;

/// <summary>Version of a Vault KV secrets engine mount.</summary>
internal enum VaultKvVersion
{
    /// <summary>KV v2: read <c>mount/data/path</c>, values under <c>.Data.data</c>.</summary>
    V2,

    /// <summary>KV v1: read <c>mount/path</c>, values under <c>.Data</c>.</summary>
    V1,
}
