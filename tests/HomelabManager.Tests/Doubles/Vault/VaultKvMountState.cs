using System.Text.Json.Nodes;

namespace HomelabManager.Tests.Doubles.Vault;

/// <summary>A KV mount's secrets. KV v1 keeps one version per path; KV v2 keeps up to <c>max_versions</c>.</summary>
internal sealed class VaultKvMountState(string path, int version)
{
    public string Path { get; } = path;

    public int Version { get; } = version;

    public Dictionary<string, VaultSecretState> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>Stores a new version (KV v2) or the new value (KV v1); returns the stored version.</summary>
    public VaultSecretVersion Write(string path, JsonObject data, DateTimeOffset now)
    {
        if (!Secrets.TryGetValue(path, out var secret))
        {
            secret = new VaultSecretState { Created = now };
            Secrets[path] = secret;
        }

        var next = new VaultSecretVersion { Number = Version == 1 ? 1 : secret.CurrentVersion + 1, Data = data, Created = now };
        if (Version == 1)
        {
            secret.Versions.Clear();
        }

        secret.Versions.Add(next);
        secret.CurrentVersion = next.Number;
        secret.Updated = now;
        while (secret.Versions.Count > secret.MaxVersions)
        {
            secret.Versions.RemoveAt(0);
        }

        return next;
    }

    /// <summary>Immediate children of <paramref name="folder"/> (sub-folders end with <c>/</c>).</summary>
    public List<string> List(string folder)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder.TrimEnd('/') + "/";
        return [.. Secrets.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..])
            .Select(rest => rest.Contains('/', StringComparison.Ordinal) ? rest[..(rest.IndexOf('/', StringComparison.Ordinal) + 1)] : rest)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}

/// <summary>One secret path.</summary>
internal sealed class VaultSecretState
{
    public List<VaultSecretVersion> Versions { get; } = [];

    public int CurrentVersion { get; set; }

    public int MaxVersions { get; set; } = 10;

    public bool CasRequired { get; set; }

    public JsonObject? CustomMetadata { get; set; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; set; }
}

/// <summary>One stored version.</summary>
internal sealed class VaultSecretVersion
{
    public int Number { get; init; }

    public required JsonObject Data { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset? DeletionTime { get; set; }

    public bool Destroyed { get; set; }
}
