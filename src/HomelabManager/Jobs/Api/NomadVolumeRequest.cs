using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>VolumeRequest</c> (group <c>volume</c> block); <c>Type</c> <c>host</c> for dynamic host volumes.</summary>
internal sealed record NomadVolumeRequest
{
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    [JsonPropertyName("Type")]
    public required string Type { get; init; }

    /// <summary>Name of the host volume on the node.</summary>
    [JsonPropertyName("Source")]
    public required string Source { get; init; }

    [JsonPropertyName("ReadOnly")]
    public bool? ReadOnly { get; init; }

    /// <summary>Must match one of the volume's capabilities, e.g. <c>single-node-writer</c>.</summary>
    [JsonPropertyName("AccessMode")]
    public string? AccessMode { get; init; }

    /// <summary>Must match one of the volume's capabilities, e.g. <c>file-system</c>.</summary>
    [JsonPropertyName("AttachmentMode")]
    public string? AttachmentMode { get; init; }
}
