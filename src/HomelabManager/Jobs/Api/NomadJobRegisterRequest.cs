using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>
/// Body of <c>PUT /v1/jobs</c> (<c>api.JobRegisterRequest</c>); also the shape <c>nomad job run -json</c> reads,
/// so it is what <c>render --format json</c> prints.
/// </summary>
internal sealed record NomadJobRegisterRequest
{
    [JsonPropertyName("Job")]
    public required NomadJob Job { get; init; }

    /// <summary>Register only if the job's modify index still equals <see cref="JobModifyIndex"/>.</summary>
    [JsonPropertyName("EnforceIndex")]
    public bool? EnforceIndex { get; init; }

    [JsonPropertyName("JobModifyIndex")]
    public ulong? JobModifyIndex { get; init; }
}
