using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>ReschedulePolicy</c>: placing a failed allocation on another node.</summary>
internal sealed record NomadReschedulePolicy
{
    [JsonPropertyName("Attempts")]
    public int? Attempts { get; init; }

    [JsonPropertyName("Interval")]
    public NomadDuration? Interval { get; init; }

    [JsonPropertyName("Delay")]
    public NomadDuration? Delay { get; init; }

    /// <summary><c>constant</c>, <c>exponential</c> or <c>fibonacci</c>.</summary>
    [JsonPropertyName("DelayFunction")]
    public string? DelayFunction { get; init; }

    [JsonPropertyName("MaxDelay")]
    public NomadDuration? MaxDelay { get; init; }

    [JsonPropertyName("Unlimited")]
    public bool? Unlimited { get; init; }
}
