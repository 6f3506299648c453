using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary><c>GET /v1/evaluation/:id</c> (server <c>Evaluation</c>, the fields a deploy watches).</summary>
internal sealed record NomadEvaluation
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public int Priority { get; init; }

    public string Type { get; init; } = string.Empty;

    /// <summary><c>job-register</c>, <c>job-deregister</c>, <c>queued-allocs</c>, …</summary>
    public string TriggeredBy { get; init; } = string.Empty;

    [JsonPropertyName("JobID")]
    public string JobId { get; init; } = string.Empty;

    public ulong JobModifyIndex { get; init; }

    [JsonPropertyName("DeploymentID")]
    public string DeploymentId { get; init; } = string.Empty;

    /// <summary><c>blocked</c>, <c>pending</c>, <c>complete</c>, <c>failed</c>, <c>canceled</c> (one l).</summary>
    public string Status { get; init; } = string.Empty;

    public string StatusDescription { get; init; } = string.Empty;

    public string NextEval { get; init; } = string.Empty;

    public string PreviousEval { get; init; } = string.Empty;

    public string BlockedEval { get; init; } = string.Empty;

    [JsonPropertyName("FailedTGAllocs")]
    public IReadOnlyDictionary<string, NomadAllocMetric>? FailedTaskGroupAllocations { get; init; }

    public IReadOnlyDictionary<string, int>? QueuedAllocations { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long ModifyTime { get; init; }
}
