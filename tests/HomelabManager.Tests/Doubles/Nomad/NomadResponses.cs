using System.Text.Json.Nodes;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// Builds response bodies the way go-codec encodes the server structs: every field present, nil
/// slices/maps/pointers as <c>null</c>, zero times as <c>null</c>, durations and unix times as integers.
/// </summary>
internal static class NomadResponses
{
    /// <summary>Top-level fields of the server <c>Job</c> (nomad-job-schema.json <c>_responses.structs.Job</c>).</summary>
    private static readonly string[] JobFields =
    [
        "Stop", "Region", "Namespace", "ID", "ParentID", "Name", "Type", "Priority", "AllAtOnce", "Datacenters", "NodePool",
        "Constraints", "Affinities", "Spreads", "TaskGroups", "Update", "Multiregion", "Periodic", "ParameterizedJob", "Dispatched",
        "DispatchIdempotencyToken", "Payload", "Meta", "ConsulNamespace", "VaultNamespace", "NomadTokenID", "Status",
        "StatusDescription", "Stable", "Version", "SubmitTime", "CreateIndex", "ModifyIndex", "JobModifyIndex", "UI", "VersionTag",
    ];

    public static JsonNode? Time(long? unixNanoseconds) =>
        unixNanoseconds is { } ns ? DateTimeOffset.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A stored job version as <c>GET /v1/job/:id</c> returns it.</summary>
    public static JsonObject Job(NomadJobRecord job, NomadJobVersion version, string status)
    {
        var spec = (JsonObject)version.Spec.DeepClone();
        var result = new JsonObject();
        foreach (var field in JobFields)
        {
            result[field] = spec.TryGetPropertyValue(field, out var value) ? value?.DeepClone() : null;
        }

        result["Stop"] = version.Stop;
        result["ParentID"] = string.Empty;
        result["Priority"] = spec["Priority"]?.DeepClone() ?? 50;
        result["AllAtOnce"] = false;
        result["Datacenters"] = spec["Datacenters"]?.DeepClone() ?? new JsonArray("*");
        result["NodePool"] = spec["NodePool"]?.DeepClone() ?? "default";
        result["Dispatched"] = false;
        result["DispatchIdempotencyToken"] = string.Empty;
        result["ConsulNamespace"] = string.Empty;
        result["VaultNamespace"] = string.Empty;
        result["NomadTokenID"] = string.Empty;
        result["Status"] = status;
        result["StatusDescription"] = string.Empty;
        result["Stable"] = version.Stable;
        result["Version"] = version.Version;
        result["SubmitTime"] = version.SubmitTime;
        result["CreateIndex"] = job.CreateIndex;
        result["ModifyIndex"] = job.ModifyIndex;
        result["JobModifyIndex"] = version.JobModifyIndex;
        return result;
    }

    /// <summary>A <c>JobListStub</c>; <c>Meta</c> only with <paramref name="includeMeta"/> and when non-empty.</summary>
    public static JsonObject ListStub(NomadJobRecord job, string status, JsonObject summary, bool includeMeta)
    {
        var spec = job.Current.Spec;
        var stub = new JsonObject
        {
            ["ID"] = job.Id,
            ["ParentID"] = string.Empty,
            ["Name"] = spec["Name"]?.DeepClone() ?? job.Id,
            ["Namespace"] = job.Namespace,
            ["Datacenters"] = spec["Datacenters"]?.DeepClone() ?? new JsonArray("*"),
            ["NodePool"] = spec["NodePool"]?.DeepClone() ?? "default",
            ["Multiregion"] = null,
            ["Type"] = job.Type,
            ["Priority"] = spec["Priority"]?.DeepClone() ?? 50,
            ["Periodic"] = false,
            ["ParameterizedJob"] = false,
            ["Stop"] = job.Stop,
            ["Status"] = status,
            ["StatusDescription"] = string.Empty,
            ["JobSummary"] = summary,
            ["CreateIndex"] = job.CreateIndex,
            ["ModifyIndex"] = job.ModifyIndex,
            ["JobModifyIndex"] = job.JobModifyIndex,
            ["SubmitTime"] = job.Current.SubmitTime,
        };
        if (includeMeta && spec["Meta"] is JsonObject { Count: > 0 } meta)
        {
            stub["Meta"] = meta.DeepClone();
        }

        return stub;
    }

    public static JsonObject Summary(NomadJobRecord job, IEnumerable<NomadAllocRecord> allocs, ulong index)
    {
        var groups = new JsonObject();
        foreach (var group in job.Current.Spec["TaskGroups"]?.AsArray() ?? [])
        {
            var name = group!["Name"]!.GetValue<string>();
            var mine = allocs.Where(a => a.TaskGroup == name).ToList();
            groups[name] = new JsonObject
            {
                ["Queued"] = 0,
                ["Complete"] = mine.Count(a => a.ClientStatus == "complete"),
                ["Failed"] = mine.Count(a => a.ClientStatus == "failed"),
                ["Running"] = mine.Count(a => a.ClientStatus == "running"),
                ["Starting"] = mine.Count(a => a.ClientStatus == "pending"),
                ["Lost"] = 0,
                ["Unknown"] = 0,
            };
        }

        return new JsonObject
        {
            ["JobID"] = job.Id,
            ["Namespace"] = job.Namespace,
            ["Summary"] = groups,
            ["Children"] = new JsonObject { ["Pending"] = 0, ["Running"] = 0, ["Dead"] = 0 },
            ["CreateIndex"] = job.CreateIndex,
            ["ModifyIndex"] = index,
        };
    }

    public static JsonObject Evaluation(NomadEvalRecord evaluation, int priority) => new()
    {
        ["ID"] = evaluation.Id,
        ["Namespace"] = evaluation.Namespace,
        ["Priority"] = priority,
        ["Type"] = evaluation.Type,
        ["TriggeredBy"] = evaluation.TriggeredBy,
        ["JobID"] = evaluation.JobId,
        ["JobModifyIndex"] = evaluation.JobModifyIndex,
        ["NodeID"] = string.Empty,
        ["NodeModifyIndex"] = 0,
        ["DeploymentID"] = evaluation.DeploymentId,
        ["Status"] = "complete",
        ["StatusDescription"] = string.Empty,
        ["Wait"] = 0,
        ["WaitUntil"] = null,
        ["NextEval"] = string.Empty,
        ["PreviousEval"] = string.Empty,
        ["BlockedEval"] = string.Empty,
        ["RelatedEvals"] = null,
        ["FailedTGAllocs"] = null,
        ["PlanAnnotations"] = null,
        ["ClassEligibility"] = null,
        ["QuotaLimitReached"] = string.Empty,
        ["MissingNonNodeResources"] = null,
        ["EscapedComputedClass"] = false,
        ["AnnotatePlan"] = false,
        ["QueuedAllocations"] = new JsonObject(),
        ["LeaderACL"] = string.Empty,
        ["SnapshotIndex"] = evaluation.CreateIndex,
        ["CreateIndex"] = evaluation.CreateIndex,
        ["ModifyIndex"] = evaluation.CreateIndex,
        ["CreateTime"] = evaluation.CreateTime,
        ["ModifyTime"] = evaluation.CreateTime,
    };

    public static JsonObject Deployment(NomadDeploymentRecord deployment)
    {
        var groups = new JsonObject();
        foreach (var (name, group) in deployment.Groups)
        {
            groups[name] = new JsonObject
            {
                ["AutoRevert"] = group.AutoRevert,
                ["AutoPromote"] = false,
                ["ProgressDeadline"] = group.ProgressDeadline,
                ["RequireProgressBy"] = Time(deployment.CreateTime + group.ProgressDeadline),
                ["Promoted"] = false,
                ["PlacedCanaries"] = null,
                ["DesiredCanaries"] = 0,
                ["DesiredTotal"] = group.DesiredTotal,
                ["PlacedAllocs"] = group.PlacedAllocs,
                ["HealthyAllocs"] = group.HealthyAllocs,
                ["UnhealthyAllocs"] = group.UnhealthyAllocs,
            };
        }

        return new JsonObject
        {
            ["ID"] = deployment.Id,
            ["Namespace"] = deployment.Namespace,
            ["JobID"] = deployment.JobId,
            ["JobVersion"] = deployment.JobVersion,
            ["JobModifyIndex"] = deployment.JobModifyIndex,
            ["JobSpecModifyIndex"] = deployment.JobModifyIndex,
            ["JobCreateIndex"] = deployment.JobCreateIndex,
            ["IsMultiregion"] = false,
            ["TaskGroups"] = groups,
            ["Status"] = deployment.Status,
            ["StatusDescription"] = deployment.StatusDescription,
            ["EvalPriority"] = 50,
            ["CreateIndex"] = deployment.CreateIndex,
            ["ModifyIndex"] = deployment.ModifyIndex,
            ["CreateTime"] = deployment.CreateTime,
            ["ModifyTime"] = deployment.ModifyTime,
        };
    }

    /// <summary>An <c>AllocListStub</c>.</summary>
    public static JsonObject AllocationStub(NomadAllocRecord alloc)
    {
        var states = new JsonObject();
        foreach (var (task, state) in alloc.Tasks)
        {
            states[task] = new JsonObject
            {
                ["State"] = state.State,
                ["Failed"] = state.Failed,
                ["Restarts"] = 0,
                ["LastRestart"] = null,
                ["StartedAt"] = Time(state.StartedAt),
                ["FinishedAt"] = Time(state.FinishedAt),
                ["Events"] = new JsonArray([.. state.Events.Select(TaskEvent)]),
                ["Paused"] = false,
            };
        }

        return new JsonObject
        {
            ["ID"] = alloc.Id,
            ["EvalID"] = alloc.EvalId,
            ["Name"] = alloc.Name,
            ["Namespace"] = alloc.Namespace,
            ["NodeID"] = NomadScheduler.NodeIdentifier,
            ["NodeName"] = "node-1",
            ["JobID"] = alloc.JobId,
            ["JobType"] = alloc.JobType,
            ["JobVersion"] = alloc.JobVersion,
            ["TaskGroup"] = alloc.TaskGroup,
            ["AllocatedResources"] = null,
            ["DesiredStatus"] = alloc.DesiredStatus,
            ["DesiredDescription"] = alloc.DesiredDescription,
            ["ClientStatus"] = alloc.ClientStatus,
            ["ClientDescription"] = alloc.ClientDescription,
            ["DesiredTransition"] = new JsonObject
            {
                ["Migrate"] = null, ["Reschedule"] = null, ["ForceReschedule"] = null, ["NoShutdownDelay"] = null, ["MigrateDisablePlacement"] = null,
            },
            ["TaskStates"] = states,
            ["DeploymentStatus"] = alloc.HealthTimestamp is null && alloc.DeploymentId.Length == 0
                ? null
                : new JsonObject
                {
                    ["Healthy"] = alloc.Healthy,
                    ["Timestamp"] = Time(alloc.HealthTimestamp),
                    ["Canary"] = false,
                    ["ModifyIndex"] = alloc.ModifyIndex,
                },
            ["FollowupEvalID"] = string.Empty,
            ["NextAllocation"] = string.Empty,
            ["RescheduleTracker"] = null,
            ["PreemptedAllocations"] = null,
            ["PreemptedByAllocation"] = string.Empty,
            ["CreateIndex"] = alloc.CreateIndex,
            ["ModifyIndex"] = alloc.ModifyIndex,
            ["CreateTime"] = alloc.CreateTime,
            ["ModifyTime"] = alloc.ModifyTime,
        };
    }

    private static JsonObject TaskEvent(NomadTaskEventRecord e) => new()
    {
        ["Type"] = e.Type,
        ["Time"] = e.Time,
        ["Message"] = string.Empty,
        ["DisplayMessage"] = e.DisplayMessage,
        ["Details"] = new JsonObject(),
        ["FailsTask"] = e.FailsTask,
        ["RestartReason"] = string.Empty,
        ["SetupError"] = string.Empty,
        ["DriverError"] = e.DriverError,
        ["ExitCode"] = e.ExitCode,
        ["Signal"] = 0,
        ["KillTimeout"] = 0,
        ["KillError"] = string.Empty,
        ["KillReason"] = string.Empty,
        ["StartDelay"] = 0,
        ["DownloadError"] = string.Empty,
        ["ValidationError"] = string.Empty,
        ["DiskLimit"] = 0,
        ["FailedSibling"] = string.Empty,
        ["VaultError"] = string.Empty,
        ["TaskSignalReason"] = string.Empty,
        ["TaskSignal"] = string.Empty,
        ["DriverMessage"] = string.Empty,
        ["GenericSource"] = string.Empty,
    };
}
