using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>TaskGroup</c>.</summary>
internal sealed record NomadTaskGroup
{
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    [JsonPropertyName("Count")]
    public int? Count { get; init; }

    [JsonPropertyName("Constraints")]
    public IReadOnlyList<NomadConstraint>? Constraints { get; init; }

    [JsonPropertyName("Tasks")]
    public required IReadOnlyList<NomadTask> Tasks { get; init; }

    /// <summary>Keyed by the volume name used in <see cref="NomadVolumeMount.Volume"/>.</summary>
    [JsonPropertyName("Volumes")]
    public IReadOnlyDictionary<string, NomadVolumeRequest>? Volumes { get; init; }

    [JsonPropertyName("RestartPolicy")]
    public NomadRestartPolicy? RestartPolicy { get; init; }

    [JsonPropertyName("ReschedulePolicy")]
    public NomadReschedulePolicy? ReschedulePolicy { get; init; }

    [JsonPropertyName("Update")]
    public NomadUpdateStrategy? Update { get; init; }

    [JsonPropertyName("Networks")]
    public IReadOnlyList<NomadNetwork>? Networks { get; init; }

    [JsonPropertyName("Meta")]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    [JsonPropertyName("Services")]
    public IReadOnlyList<NomadService>? Services { get; init; }
}
