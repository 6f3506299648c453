using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>Answer of <c>PUT /v1/jobs</c> (server <c>JobRegisterResponse</c>).</summary>
internal sealed record NomadJobRegisterResponse
{
    /// <summary>The evaluation created; <c>""</c> for periodic and parameterized jobs.</summary>
    [JsonPropertyName("EvalID")]
    public string EvalId { get; init; } = string.Empty;

    public ulong EvalCreateIndex { get; init; }

    /// <summary>The job's new modify index (the value for the next <c>EnforceIndex</c>).</summary>
    public ulong JobModifyIndex { get; init; }

    /// <summary><c>""</c> or <c>"1 warning:\n\n* …"</c>.</summary>
    public string Warnings { get; init; } = string.Empty;

    public ulong Index { get; init; }

    public ulong LastContact { get; init; }

    public bool KnownLeader { get; init; }

    public string NextToken { get; init; } = string.Empty;
}

/// <summary>Answer of <c>DELETE /v1/job/:id</c> (server <c>JobDeregisterResponse</c>).</summary>
internal sealed record NomadJobDeregisterResponse
{
    [JsonPropertyName("EvalID")]
    public string EvalId { get; init; } = string.Empty;

    public ulong EvalCreateIndex { get; init; }

    public ulong JobModifyIndex { get; init; }

    [JsonPropertyName("VolumeEvalID")]
    public string VolumeEvalId { get; init; } = string.Empty;

    public ulong VolumeEvalIndex { get; init; }

    public ulong Index { get; init; }

    public ulong LastContact { get; init; }

    public bool KnownLeader { get; init; }

    public string NextToken { get; init; } = string.Empty;
}
