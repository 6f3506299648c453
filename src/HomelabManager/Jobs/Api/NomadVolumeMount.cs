using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>VolumeMount</c> (task <c>volume_mount</c> block).</summary>
internal sealed record NomadVolumeMount
{
    /// <summary>Key of the group volume.</summary>
    [JsonPropertyName("Volume")]
    public required string Volume { get; init; }

    /// <summary>Path inside the container; always sent (the agent dereferences it unconditionally).</summary>
    [JsonPropertyName("Destination")]
    public required string Destination { get; init; }

    [JsonPropertyName("ReadOnly")]
    public bool? ReadOnly { get; init; }
}
