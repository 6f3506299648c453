using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// One entry of <c>GET /v1/jobs</c> (server <c>JobListStub</c>). With <c>meta=true</c> it carries the
/// job's <see cref="Meta"/>. The list has no job <c>Version</c> (per the contract): read the job for it.
/// </summary>
internal sealed record NomadJobListStub
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    [JsonPropertyName("ParentID")]
    public string ParentId { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary>Omitted by the server when empty.</summary>
    public string? Namespace { get; init; }

    public IReadOnlyList<string>? Datacenters { get; init; }

    public string NodePool { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public int Priority { get; init; }

    public bool Periodic { get; init; }

    public bool ParameterizedJob { get; init; }

    public bool Stop { get; init; }

    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>.</summary>
    public string Status { get; init; } = string.Empty;

    public string StatusDescription { get; init; } = string.Empty;

    public NomadJobSummary? JobSummary { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    public ulong JobModifyIndex { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long SubmitTime { get; init; }

    /// <summary>Only with <c>meta=true</c>; omitted when empty.</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; }
}

/// <summary>Allocation counts of a job.</summary>
internal sealed record NomadJobSummary
{
    [JsonPropertyName("JobID")]
    public string JobId { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, NomadTaskGroupSummary>? Summary { get; init; }

    public NomadJobChildrenSummary? Children { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}

/// <summary>Allocation counts of one group.</summary>
internal sealed record NomadTaskGroupSummary
{
    public int Queued { get; init; }

    public int Complete { get; init; }

    public int Failed { get; init; }

    public int Running { get; init; }

    public int Starting { get; init; }

    public int Lost { get; init; }

    public int Unknown { get; init; }
}

/// <summary>Child job counts (periodic/parameterized parents).</summary>
internal sealed record NomadJobChildrenSummary
{
    public long Pending { get; init; }

    public long Running { get; init; }

    public long Dead { get; init; }
}
