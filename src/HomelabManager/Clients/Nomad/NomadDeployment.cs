using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>The <c>Status</c> values of a deployment.</summary>
internal static class NomadDeploymentStatus
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Failed = "failed";
    public const string Successful = "successful";
    public const string Cancelled = "cancelled";
    public const string Initializing = "initializing";
    public const string Pending = "pending";
    public const string Blocked = "blocked";
    public const string Unblocking = "unblocking";

    /// <summary>True when the deployment will not change any more.</summary>
    public static bool IsTerminal(string status) => status is Failed or Successful or Cancelled;
}

/// <summary>A deployment (server <c>Deployment</c>).</summary>
internal sealed record NomadDeployment
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Namespace { get; init; } = string.Empty;

    [JsonPropertyName("JobID")]
    public string JobId { get; init; } = string.Empty;

    public ulong JobVersion { get; init; }

    public ulong JobModifyIndex { get; init; }

    public ulong JobSpecModifyIndex { get; init; }

    public ulong JobCreateIndex { get; init; }

    public bool IsMultiregion { get; init; }

    public IReadOnlyDictionary<string, NomadDeploymentState>? TaskGroups { get; init; }

    /// <summary><see cref="NomadDeploymentStatus"/>.</summary>
    public string Status { get; init; } = string.Empty;

    public string StatusDescription { get; init; } = string.Empty;

    public int EvalPriority { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long CreateTime { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long ModifyTime { get; init; }
}

/// <summary>Progress of one group in a deployment.</summary>
internal sealed record NomadDeploymentState
{
    public bool AutoRevert { get; init; }

    public bool AutoPromote { get; init; }

    /// <summary>Nanoseconds.</summary>
    public long ProgressDeadline { get; init; }

    public DateTimeOffset? RequireProgressBy { get; init; }

    public bool Promoted { get; init; }

    public IReadOnlyList<string>? PlacedCanaries { get; init; }

    public int DesiredCanaries { get; init; }

    public int DesiredTotal { get; init; }

    public int PlacedAllocs { get; init; }

    public int HealthyAllocs { get; init; }

    public int UnhealthyAllocs { get; init; }
}
