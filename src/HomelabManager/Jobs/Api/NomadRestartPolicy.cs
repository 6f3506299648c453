using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>RestartPolicy</c>: local restarts before the allocation is failed.</summary>
internal sealed record NomadRestartPolicy
{
    [JsonPropertyName("Interval")]
    public NomadDuration? Interval { get; init; }

    [JsonPropertyName("Attempts")]
    public int? Attempts { get; init; }

    [JsonPropertyName("Delay")]
    public NomadDuration? Delay { get; init; }

    /// <summary><c>fail</c> or <c>delay</c>.</summary>
    [JsonPropertyName("Mode")]
    public string? Mode { get; init; }
}
