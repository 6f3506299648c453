using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>NetworkResource</c> of a task group (host networking when <see cref="Mode"/> is absent).</summary>
internal sealed record NomadNetwork
{
    [JsonPropertyName("Mode")]
    public string? Mode { get; init; }

    [JsonPropertyName("ReservedPorts")]
    public IReadOnlyList<NomadPort>? ReservedPorts { get; init; }

    [JsonPropertyName("DynamicPorts")]
    public IReadOnlyList<NomadPort>? DynamicPorts { get; init; }
}
