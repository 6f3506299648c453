using System.Text.Json.Serialization;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// A dynamic host volume (Nomad ≥ 1.10, <c>api.HostVolume</c>). Not described in the contracts folder;
/// field names follow hashicorp/nomad <c>api/host_volumes.go</c>.
/// </summary>
internal sealed record NomadHostVolume
{
    public string Namespace { get; init; } = string.Empty;

    /// <summary>Set by the server on create.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    /// <summary>The name a group's <c>volume</c> block uses as its source.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Empty = the client's built-in <c>mkdir</c> plugin.</summary>
    [JsonPropertyName("PluginID")]
    public string PluginId { get; init; } = string.Empty;

    public string NodePool { get; init; } = string.Empty;

    [JsonPropertyName("NodeID")]
    public string NodeId { get; init; } = string.Empty;

    public IReadOnlyList<NomadConstraint>? Constraints { get; init; }

    public long RequestedCapacityMinBytes { get; init; }

    public long RequestedCapacityMaxBytes { get; init; }

    public long CapacityBytes { get; init; }

    public IReadOnlyList<NomadHostVolumeCapability>? RequestedCapabilities { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public string HostPath { get; init; } = string.Empty;

    /// <summary><c>pending</c>, <c>ready</c> or <c>unavailable</c>.</summary>
    public string State { get; init; } = string.Empty;

    public ulong CreateIndex { get; init; }

    public long CreateTime { get; init; }

    public ulong ModifyIndex { get; init; }

    public long ModifyTime { get; init; }
}

/// <summary>How groups may use a host volume.</summary>
/// <param name="AttachmentMode"><c>file-system</c> or <c>block-device</c>.</param>
/// <param name="AccessMode"><c>single-node-writer</c>, <c>single-node-reader-only</c>, …</param>
internal sealed record NomadHostVolumeCapability(string AttachmentMode, string AccessMode);

/// <summary>Body of <c>PUT /v1/volume/host/create</c>.</summary>
internal sealed record NomadHostVolumeCreateRequest
{
    public required NomadHostVolume Volume { get; init; }

    public bool PolicyOverride { get; init; }
}

/// <summary>Answer of a host volume create.</summary>
internal sealed record NomadHostVolumeCreateResponse
{
    public NomadHostVolume? Volume { get; init; }

    public string Warnings { get; init; } = string.Empty;

    public ulong Index { get; init; }
}

/// <summary>An entry of <c>GET /v1/volumes?type=host</c>.</summary>
internal sealed record NomadHostVolumeStub
{
    public string Namespace { get; init; } = string.Empty;

    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    [JsonPropertyName("PluginID")]
    public string PluginId { get; init; } = string.Empty;

    public string NodePool { get; init; } = string.Empty;

    [JsonPropertyName("NodeID")]
    public string NodeId { get; init; } = string.Empty;

    public long CapacityBytes { get; init; }

    public string State { get; init; } = string.Empty;

    public ulong CreateIndex { get; init; }

    public long CreateTime { get; init; }

    public ulong ModifyIndex { get; init; }

    public long ModifyTime { get; init; }
}
