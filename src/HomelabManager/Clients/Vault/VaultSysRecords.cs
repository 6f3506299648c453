using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Vault;

/// <summary>One entry of <c>sys/mounts</c>.</summary>
internal sealed record VaultMount
{
    public string Accessor { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public bool Local { get; init; }

    /// <summary>For KV: <c>{"version":"2"}</c>; null or <c>"1"</c> means KV v1.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    public bool SealWrap { get; init; }

    /// <summary><c>kv</c>, <c>system</c>, <c>cubbyhole</c>, <c>identity</c>, …</summary>
    public string Type { get; init; } = string.Empty;

    public string Uuid { get; init; } = string.Empty;

    /// <summary>1 or 2 for <c>kv</c> mounts, else null.</summary>
    [JsonIgnore]
    public int? KvVersion => Type != "kv"
        ? null
        : Options is not null && Options.TryGetValue("version", out var version) && version == "2" ? 2 : 1;
}

/// <summary>
/// <c>auth/token/lookup-self</c> without the token itself (<c>id</c> is deliberately not read, so it can
/// never be printed).
/// </summary>
internal sealed record VaultTokenInfo
{
    public string Accessor { get; init; } = string.Empty;

    /// <summary>Unix seconds.</summary>
    public long CreationTime { get; init; }

    /// <summary>Seconds.</summary>
    public long CreationTtl { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public string EntityId { get; init; } = string.Empty;

    /// <summary>RFC 3339; null for tokens that never expire (root).</summary>
    public string? ExpireTime { get; init; }

    public long ExplicitMaxTtl { get; init; }

    public IReadOnlyList<string>? IdentityPolicies { get; init; }

    public string? IssueTime { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public int NumUses { get; init; }

    public bool Orphan { get; init; }

    public string Path { get; init; } = string.Empty;

    public IReadOnlyList<string> Policies { get; init; } = [];

    public bool Renewable { get; init; }

    /// <summary>Seconds left; 0 for tokens that never expire.</summary>
    public long Ttl { get; init; }

    /// <summary><c>service</c> or <c>batch</c>.</summary>
    public string Type { get; init; } = string.Empty;
}

/// <summary><c>GET /v1/sys/health</c> (not wrapped in the envelope); the status code tells the state too.</summary>
internal sealed record VaultHealth
{
    public bool Initialized { get; init; }

    public bool Sealed { get; init; }

    public bool Standby { get; init; }

    public bool PerformanceStandby { get; init; }

    public string ReplicationPerformanceMode { get; init; } = string.Empty;

    public string ReplicationDrMode { get; init; } = string.Empty;

    /// <summary>Unix seconds.</summary>
    public long ServerTimeUtc { get; init; }

    public string Version { get; init; } = string.Empty;

    /// <summary>Omitted while sealed.</summary>
    public string? ClusterName { get; init; }

    public string? ClusterId { get; init; }

    /// <summary>The HTTP status the server answered with (200 active, 429 standby, 503 sealed, 501 not initialised).</summary>
    public int StatusCode { get; init; }
}
