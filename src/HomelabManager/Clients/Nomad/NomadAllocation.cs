using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>An entry of <c>GET /v1/job/:id/allocations</c> (server <c>AllocListStub</c>).</summary>
internal record NomadAllocationStub
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("EvalID")]
    public string EvalId { get; init; } = string.Empty;

    /// <summary><c>&lt;job&gt;.&lt;group&gt;[&lt;index&gt;]</c>.</summary>
    public string Name { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    [JsonPropertyName("NodeID")]
    public string NodeId { get; init; } = string.Empty;

    public string NodeName { get; init; } = string.Empty;

    [JsonPropertyName("JobID")]
    public string JobId { get; init; } = string.Empty;

    public string JobType { get; init; } = string.Empty;

    public ulong JobVersion { get; init; }

    public string TaskGroup { get; init; } = string.Empty;

    /// <summary><c>run</c>, <c>stop</c> or <c>evict</c>.</summary>
    public string DesiredStatus { get; init; } = string.Empty;

    public string DesiredDescription { get; init; } = string.Empty;

    /// <summary><c>pending</c>, <c>running</c>, <c>complete</c>, <c>failed</c>, <c>lost</c>, <c>unknown</c>.</summary>
    public string ClientStatus { get; init; } = string.Empty;

    public string ClientDescription { get; init; } = string.Empty;

    public NomadDesiredTransition? DesiredTransition { get; init; }

    public IReadOnlyDictionary<string, NomadTaskState>? TaskStates { get; init; }

    public NomadAllocDeploymentStatus? DeploymentStatus { get; init; }

    [JsonPropertyName("FollowupEvalID")]
    public string FollowupEvalId { get; init; } = string.Empty;

    public string NextAllocation { get; init; } = string.Empty;

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long ModifyTime { get; init; }
}

/// <summary><c>GET /v1/allocation/:id</c> (server <c>Allocation</c>): the stub fields plus the allocation's job.</summary>
internal sealed record NomadAllocation : NomadAllocationStub
{
    [JsonPropertyName("DeploymentID")]
    public string DeploymentId { get; init; } = string.Empty;

    /// <summary>The job version the allocation runs.</summary>
    public NomadJobDetail? Job { get; init; }
}

/// <summary>Scheduler instructions for an allocation; every field may be null.</summary>
internal sealed record NomadDesiredTransition
{
    public bool? Migrate { get; init; }

    public bool? Reschedule { get; init; }

    public bool? ForceReschedule { get; init; }

    public bool? NoShutdownDelay { get; init; }

    public bool? MigrateDisablePlacement { get; init; }
}

/// <summary>State of one task in an allocation.</summary>
internal sealed record NomadTaskState
{
    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string State { get; init; } = string.Empty;

    public bool Failed { get; init; }

    public ulong Restarts { get; init; }

    public DateTimeOffset? LastRestart { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public IReadOnlyList<NomadTaskEvent>? Events { get; init; }

    public bool Paused { get; init; }
}

/// <summary>One task event (the fields a user reads).</summary>
internal sealed record NomadTaskEvent
{
    /// <summary><c>Received</c>, <c>Task Setup</c>, <c>Driver</c>, <c>Started</c>, <c>Terminated</c>, <c>Restarting</c>, <c>Not Restarting</c>, …</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>Unix nanoseconds.</summary>
    public long Time { get; init; }

    public string Message { get; init; } = string.Empty;

    /// <summary>Filled by the server before returning.</summary>
    public string DisplayMessage { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? Details { get; init; }

    public bool FailsTask { get; init; }

    public string DriverError { get; init; } = string.Empty;

    public int ExitCode { get; init; }

    public string DriverMessage { get; init; } = string.Empty;
}

/// <summary>Health of an allocation within its deployment.</summary>
internal sealed record NomadAllocDeploymentStatus
{
    public bool? Healthy { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public bool Canary { get; init; }

    public ulong ModifyIndex { get; init; }
}
