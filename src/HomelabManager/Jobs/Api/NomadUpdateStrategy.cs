using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>UpdateStrategy</c> (rolling update and auto-revert).</summary>
internal sealed record NomadUpdateStrategy
{
    [JsonPropertyName("MaxParallel")]
    public int? MaxParallel { get; init; }

    /// <summary><c>checks</c>, <c>task_states</c> or <c>manual</c>.</summary>
    [JsonPropertyName("HealthCheck")]
    public string? HealthCheck { get; init; }

    [JsonPropertyName("MinHealthyTime")]
    public NomadDuration? MinHealthyTime { get; init; }

    [JsonPropertyName("HealthyDeadline")]
    public NomadDuration? HealthyDeadline { get; init; }

    [JsonPropertyName("ProgressDeadline")]
    public NomadDuration? ProgressDeadline { get; init; }

    [JsonPropertyName("AutoRevert")]
    public bool? AutoRevert { get; init; }
}
