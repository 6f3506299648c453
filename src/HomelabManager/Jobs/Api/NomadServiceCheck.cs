using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>ServiceCheck</c>; <see cref="Interval"/> and <see cref="Timeout"/> are required, each at least 1s.</summary>
internal sealed record NomadServiceCheck
{
    [JsonPropertyName("Name")]
    public string? Name { get; init; }

    /// <summary><c>http</c>, <c>tcp</c>, <c>grpc</c> or <c>script</c>.</summary>
    [JsonPropertyName("Type")]
    public required string Type { get; init; }

    /// <summary>Relative HTTP path (http checks only).</summary>
    [JsonPropertyName("Path")]
    public string? Path { get; init; }

    [JsonPropertyName("Interval")]
    public required NomadDuration Interval { get; init; }

    [JsonPropertyName("Timeout")]
    public required NomadDuration Timeout { get; init; }
}
