using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// <c>GET /v1/job/:id</c> (server <c>Job</c>), the fields status and drift checks use. The full
/// specification is available as raw JSON in <see cref="TaskGroups"/>.
/// </summary>
internal sealed record NomadJobDetail
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public string Region { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public int Priority { get; init; }

    public IReadOnlyList<string>? Datacenters { get; init; }

    public bool Stop { get; init; }

    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string Status { get; init; } = string.Empty;

    public string StatusDescription { get; init; } = string.Empty;

    /// <summary>True once a deployment of this version succeeded.</summary>
    public bool Stable { get; init; }

    /// <summary>Starts at 0, +1 per changed register.</summary>
    public ulong Version { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long SubmitTime { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    public ulong JobModifyIndex { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>The groups as the server stores them (canonicalised, durations in ns).</summary>
    public IReadOnlyList<NomadJobDetailGroup>? TaskGroups { get; init; }
}

/// <summary>A stored task group (the fields status shows).</summary>
internal sealed record NomadJobDetailGroup
{
    public string Name { get; init; } = string.Empty;

    public int Count { get; init; }

    public IReadOnlyList<NomadJobDetailTask>? Tasks { get; init; }

    /// <summary>The group's volume requests by name (<c>remove --delete-volumes</c> finds its host volumes here).</summary>
    public IReadOnlyDictionary<string, NomadJobDetailVolume>? Volumes { get; init; }
}

/// <summary>A stored group volume request.</summary>
internal sealed record NomadJobDetailVolume
{
    public string Name { get; init; } = string.Empty;

    /// <summary><c>host</c> or <c>csi</c>.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The host volume's name.</summary>
    public string Source { get; init; } = string.Empty;
}

/// <summary>A stored task (the fields status shows).</summary>
internal sealed record NomadJobDetailTask
{
    public string Name { get; init; } = string.Empty;

    public string Driver { get; init; } = string.Empty;

    /// <summary>Driver configuration as sent (for docker: <c>image</c>, <c>ports</c>, …).</summary>
    public JsonElement? Config { get; init; }

    /// <summary>What the task reserves (metrics compares usage against it).</summary>
    public NomadJobDetailResources? Resources { get; init; }
}

/// <summary>A stored task's reservation.</summary>
internal sealed record NomadJobDetailResources
{
    /// <summary>MHz.</summary>
    [JsonPropertyName("CPU")]
    public int Cpu { get; init; }

    /// <summary>Dedicated cores (0 = shares by MHz).</summary>
    public int Cores { get; init; }

    /// <summary>MiB.</summary>
    public int MemoryMB { get; init; }

    /// <summary>MiB the task may burst to (0 = no oversubscription).</summary>
    public int MemoryMaxMB { get; init; }
}
