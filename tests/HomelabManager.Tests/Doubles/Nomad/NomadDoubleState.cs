using System.Text.Json.Nodes;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>The Nomad double's cluster state. Every access holds <see cref="Sync"/>.</summary>
internal sealed class NomadDoubleState
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Lock Sync { get; } = new();

    /// <summary>The raft index: bumped by every write.</summary>
    public ulong Index { get; private set; } = 10;

    public Dictionary<(string Namespace, string Id), NomadJobRecord> Jobs { get; } = [];

    public Dictionary<string, NomadEvalRecord> Evals { get; } = [];

    public List<NomadDeploymentRecord> Deployments { get; } = [];

    public Dictionary<string, NomadAllocRecord> Allocs { get; } = [];

    public Dictionary<string, JsonObject> Volumes { get; } = [];

    /// <summary>Job IDs whose next deployment fails.</summary>
    public HashSet<string> FailNextDeployment { get; } = [];

    /// <summary>Completes when the next write happens.</summary>
    public Task Changed => _changed.Task;

    /// <summary>A new raft index for a write.</summary>
    public ulong NextIndex() => ++Index;

    /// <summary>Wakes blocking queries.</summary>
    public void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}

/// <summary>A job and its versions.</summary>
internal sealed class NomadJobRecord
{
    public required string Namespace { get; init; }

    public required string Id { get; init; }

    public List<NomadJobVersion> Versions { get; } = [];

    public NomadJobVersion Current => Versions[^1];

    public bool Stop { get; set; }

    public ulong CreateIndex { get; set; }

    public ulong ModifyIndex { get; set; }

    public ulong JobModifyIndex { get; set; }

    public string Type => Current.Spec["Type"]?.GetValue<string>() ?? "service";
}

/// <summary>One stored version: the submitted spec (namespace/region written back) and its server fields.</summary>
internal sealed class NomadJobVersion
{
    public required ulong Version { get; init; }

    public required JsonObject Spec { get; init; }

    public required ulong JobModifyIndex { get; init; }

    public required long SubmitTime { get; init; }

    public bool Stable { get; set; }

    public bool Stop { get; init; }
}

/// <summary>An evaluation.</summary>
internal sealed class NomadEvalRecord
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string JobId { get; init; }

    public required string Type { get; init; }

    public required string TriggeredBy { get; init; }

    public required ulong JobModifyIndex { get; init; }

    public string DeploymentId { get; set; } = string.Empty;

    public required ulong CreateIndex { get; init; }

    public required long CreateTime { get; init; }
}

/// <summary>A deployment and its per-group progress.</summary>
internal sealed class NomadDeploymentRecord
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string JobId { get; init; }

    public required ulong JobVersion { get; init; }

    public required ulong JobModifyIndex { get; init; }

    public required ulong JobCreateIndex { get; init; }

    public string Status { get; set; } = "running";

    public string StatusDescription { get; set; } = "Deployment is running";

    public required Dictionary<string, NomadDeploymentGroup> Groups { get; init; }

    public required bool WillFail { get; init; }

    public required ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; set; }

    public required long CreateTime { get; init; }

    public long ModifyTime { get; set; }
}

/// <summary>Progress of one group.</summary>
internal sealed class NomadDeploymentGroup
{
    public bool AutoRevert { get; init; }

    public long ProgressDeadline { get; init; }

    public int DesiredTotal { get; init; }

    public int PlacedAllocs { get; set; }

    public int HealthyAllocs { get; set; }

    public int UnhealthyAllocs { get; set; }
}

/// <summary>An allocation.</summary>
internal sealed class NomadAllocRecord
{
    public required string Id { get; init; }

    public required string EvalId { get; init; }

    public required string Name { get; init; }

    public required string Namespace { get; init; }

    public required string JobId { get; init; }

    public required string JobType { get; init; }

    public required ulong JobVersion { get; init; }

    public required string TaskGroup { get; init; }

    public required string DeploymentId { get; init; }

    public string DesiredStatus { get; set; } = "run";

    public string DesiredDescription { get; set; } = string.Empty;

    public string ClientStatus { get; set; } = "pending";

    public string ClientDescription { get; set; } = "No tasks have started";

    public bool? Healthy { get; set; }

    public long? HealthTimestamp { get; set; }

    public required Dictionary<string, NomadTaskStateRecord> Tasks { get; init; }

    /// <summary>Port label → host port (for Consul registrations).</summary>
    public Dictionary<string, int> Ports { get; } = [];

    public required ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; set; }

    public required long CreateTime { get; init; }

    public long ModifyTime { get; set; }
}

/// <summary>One task's state in an allocation.</summary>
internal sealed class NomadTaskStateRecord
{
    public string State { get; set; } = "pending";

    public bool Failed { get; set; }

    public long? StartedAt { get; set; }

    public long? FinishedAt { get; set; }

    public List<NomadTaskEventRecord> Events { get; } = [];
}

/// <summary>A task event.</summary>
internal sealed record NomadTaskEventRecord(string Type, long Time, string DisplayMessage, bool FailsTask = false, int ExitCode = 0, string DriverError = "");
