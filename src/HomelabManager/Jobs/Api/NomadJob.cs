using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Job</c> (the subset we emit; field names exactly as in package <c>api</c>).</summary>
internal sealed record NomadJob
{
    [JsonPropertyName("Region")]
    public string? Region { get; init; }

    [JsonPropertyName("Namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("ID")]
    public required string Id { get; init; }

    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    /// <summary><c>service</c>, <c>batch</c>, <c>system</c> or <c>sysbatch</c>.</summary>
    [JsonPropertyName("Type")]
    public required string Type { get; init; }

    [JsonPropertyName("Priority")]
    public int? Priority { get; init; }

    [JsonPropertyName("Datacenters")]
    public IReadOnlyList<string>? Datacenters { get; init; }

    [JsonPropertyName("NodePool")]
    public string? NodePool { get; init; }

    [JsonPropertyName("Constraints")]
    public IReadOnlyList<NomadConstraint>? Constraints { get; init; }

    [JsonPropertyName("TaskGroups")]
    public required IReadOnlyList<NomadTaskGroup> TaskGroups { get; init; }

    /// <summary>Sorted by key so serialization (and the job hash) is deterministic.</summary>
    [JsonPropertyName("Meta")]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }
}
