using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Port</c>: <see cref="Value"/> is the static host port, <see cref="To"/> the container port.</summary>
internal sealed record NomadPort
{
    [JsonPropertyName("Label")]
    public required string Label { get; init; }

    [JsonPropertyName("Value")]
    public int? Value { get; init; }

    [JsonPropertyName("To")]
    public int? To { get; init; }
}
