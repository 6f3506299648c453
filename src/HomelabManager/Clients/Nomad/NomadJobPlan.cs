using System.Text.Json.Serialization;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Clients.Nomad;

/// <summary>Body of <c>PUT /v1/job/:id/plan</c> (<c>api.JobPlanRequest</c>).</summary>
internal sealed record NomadJobPlanRequest
{
    public required NomadJob Job { get; init; }

    /// <summary>True asks for the field-level <see cref="NomadJobPlanResponse.Diff"/>.</summary>
    public bool Diff { get; init; } = true;

    public bool PolicyOverride { get; init; }
}

/// <summary>Answer of a plan (server <c>JobPlanResponse</c>); the plan changes nothing.</summary>
internal sealed record NomadJobPlanResponse
{
    public NomadPlanAnnotations? Annotations { get; init; }

    /// <summary>Group → why placement failed; null when everything fits.</summary>
    [JsonPropertyName("FailedTGAllocs")]
    public IReadOnlyDictionary<string, NomadAllocMetric>? FailedTaskGroupAllocations { get; init; }

    /// <summary>The current job's modify index (0 for a new job): the <c>JobModifyIndex</c> to enforce on register.</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary>Null with <c>Diff: false</c>.</summary>
    public NomadJobDiff? Diff { get; init; }

    public DateTimeOffset? NextPeriodicLaunch { get; init; }

    public string Warnings { get; init; } = string.Empty;

    public ulong Index { get; init; }
}

/// <summary>Scheduler annotations of a plan.</summary>
internal sealed record NomadPlanAnnotations
{
    /// <summary>Group → counts of what would happen.</summary>
    [JsonPropertyName("DesiredTGUpdates")]
    public IReadOnlyDictionary<string, NomadDesiredUpdates>? DesiredTaskGroupUpdates { get; init; }
}

/// <summary>Per-group counts of a plan (server <c>DesiredUpdates</c>).</summary>
internal sealed record NomadDesiredUpdates
{
    public ulong Ignore { get; init; }

    public ulong Place { get; init; }

    public ulong Migrate { get; init; }

    public ulong Stop { get; init; }

    public ulong InPlaceUpdate { get; init; }

    public ulong DestructiveUpdate { get; init; }

    public ulong Canary { get; init; }

    public ulong Preemptions { get; init; }
}

/// <summary>Why allocations could not be placed (server <c>AllocMetric</c>, the fields a user needs).</summary>
internal sealed record NomadAllocMetric
{
    public int NodesEvaluated { get; init; }

    public int NodesFiltered { get; init; }

    public int NodesInPool { get; init; }

    public string NodePool { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, int>? NodesAvailable { get; init; }

    public IReadOnlyDictionary<string, int>? ClassFiltered { get; init; }

    public IReadOnlyDictionary<string, int>? ConstraintFiltered { get; init; }

    public int NodesExhausted { get; init; }

    public IReadOnlyDictionary<string, int>? ClassExhausted { get; init; }

    public IReadOnlyDictionary<string, int>? DimensionExhausted { get; init; }

    public IReadOnlyList<string>? QuotaExhausted { get; init; }

    /// <summary>Nanoseconds.</summary>
    public long AllocationTime { get; init; }

    public int CoalescedFailures { get; init; }
}
