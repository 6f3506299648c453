using System.Text.Json;

namespace HomelabManager.Clients.Vault;

/// <summary>A KV secrets engine mount and its version (from <c>sys/mounts</c> <c>options.version</c>).</summary>
/// <param name="Path">Mount path without slashes at the ends, e.g. <c>secret</c>.</param>
/// <param name="Version">1 or 2.</param>
internal sealed record VaultKvMount(string Path, int Version)
{
    /// <summary>The usual KV v2 mount <c>secret/</c>.</summary>
    public static VaultKvMount DefaultV2 { get; } = new("secret", 2);
}

/// <summary>Version metadata of a KV v2 secret (<c>data.metadata</c> of a read, <c>data</c> of a write).</summary>
internal sealed record VaultKvVersionMetadata
{
    /// <summary>RFC 3339.</summary>
    public string CreatedTime { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? CustomMetadata { get; init; }

    /// <summary>RFC 3339, or <c>""</c> when not deleted.</summary>
    public string DeletionTime { get; init; } = string.Empty;

    public bool Destroyed { get; init; }

    public int Version { get; init; }
}

/// <summary><c>GET /v1/&lt;mount&gt;/metadata/:path</c>: key-level metadata and every version.</summary>
internal sealed record VaultKvMetadata
{
    public bool CasRequired { get; init; }

    public string CreatedTime { get; init; } = string.Empty;

    public int CurrentVersion { get; init; }

    /// <summary>Go duration text, e.g. <c>0s</c>.</summary>
    public string DeleteVersionAfter { get; init; } = string.Empty;

    public int MaxVersions { get; init; }

    public int OldestVersion { get; init; }

    public string UpdatedTime { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? CustomMetadata { get; init; }

    /// <summary>Version number (as a string key) → state.</summary>
    public IReadOnlyDictionary<string, VaultKvVersionState>? Versions { get; init; }
}

/// <summary>State of one version in <see cref="VaultKvMetadata.Versions"/>.</summary>
internal sealed record VaultKvVersionState
{
    public string CreatedTime { get; init; } = string.Empty;

    public string DeletionTime { get; init; } = string.Empty;

    public bool Destroyed { get; init; }
}

/// <summary>A KV read: the values and (KV v2) the version metadata.</summary>
internal sealed record VaultKvSecret
{
    /// <summary>The key/value pairs; null when the latest version is deleted or destroyed (KV v2).</summary>
    public VaultSecretValues? Values { get; init; }

    /// <summary>KV v2 version metadata; null for KV v1.</summary>
    public VaultKvVersionMetadata? Metadata { get; init; }

    /// <summary>True when the secret exists but its latest version is soft-deleted or destroyed.</summary>
    public bool IsDeleted => Values is null;
}

/// <summary>
/// Secret key/value pairs. Non-string JSON values are kept as their JSON text. <see cref="ToString"/>
/// never shows values, so a secret cannot end up in a log line by accident.
/// </summary>
internal sealed class VaultSecretValues
{
    public VaultSecretValues(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
    }

    /// <summary>Key → value.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The keys (safe to show).</summary>
    public IEnumerable<string> Keys => Values.Keys;

    /// <summary>A value, or null when the key is missing.</summary>
    public string? this[string key] => Values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Converts the raw JSON map of a response.</summary>
    public static VaultSecretValues FromJson(IReadOnlyDictionary<string, JsonElement> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            values[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        return new VaultSecretValues(values);
    }

    /// <summary>Key names only.</summary>
    public override string ToString() => $"VaultSecretValues {{ keys = [{string.Join(", ", Values.Keys.Order(StringComparer.Ordinal))}], values hidden }}";
}

/// <summary>KV v2 read payload (<c>data</c> of the envelope).</summary>
internal sealed record VaultKvV2ReadData
{
    public Dictionary<string, JsonElement>? Data { get; init; }

    public VaultKvVersionMetadata? Metadata { get; init; }

    /// <summary>Never shows values.</summary>
    public override string ToString() => $"VaultKvV2ReadData {{ keys = {Data?.Count ?? 0}, values hidden }}";
}

/// <summary>Body of a KV v2 write: <c>{"options":{"cas":N},"data":{…}}</c>.</summary>
internal sealed record VaultKvV2WriteRequest
{
    public VaultKvWriteOptions? Options { get; init; }

    public required IReadOnlyDictionary<string, string> Data { get; init; }

    /// <summary>Never shows values.</summary>
    public override string ToString() => $"VaultKvV2WriteRequest {{ keys = {Data.Count}, values hidden }}";
}

/// <summary>Check-and-set: 0 = only if the key does not exist, N = only if the current version is N.</summary>
internal sealed record VaultKvWriteOptions(long Cas);

/// <summary>A LIST answer.</summary>
internal sealed record VaultListData
{
    /// <summary>Names relative to the listed folder; sub-folders end with <c>/</c>.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];
}
