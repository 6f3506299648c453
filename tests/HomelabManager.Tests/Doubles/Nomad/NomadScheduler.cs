using System.Text.Json.Nodes;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// The double's "scheduler": what a register, a deployment step and a stop do to the state. Allocations
/// are placed at once (pending); a deployment step makes them running and healthy — or failed, with an
/// automatic revert to the last stable version when the group's update strategy asks for it.
/// Callers hold <see cref="NomadDoubleState.Sync"/>.
/// </summary>
internal sealed class NomadScheduler(NomadDoubleState state, TimeProvider time)
{
    private const string NodeId = "5e1f2b9a-0d6c-4b8e-9f3a-7c2d1e0b4a6f";
    private const long NanosecondsPerTick = 100;

    /// <summary>Deployments created by the last call (so the double can arm timers).</summary>
    public List<NomadDeploymentRecord> NewDeployments { get; } = [];

    public long Now => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * NanosecondsPerTick;

    /// <summary>Registers <paramref name="spec"/>; a spec equal to the current one writes no new version.</summary>
    public (NomadEvalRecord Eval, NomadJobRecord Job) Register(string ns, JsonObject spec)
    {
        var id = spec["ID"]!.GetValue<string>();
        var key = (ns, id);
        var index = state.NextIndex();
        var isNew = !state.Jobs.TryGetValue(key, out var job);
        if (job is null)
        {
            job = new NomadJobRecord { Namespace = ns, Id = id, CreateIndex = index };
            state.Jobs[key] = job;
        }

        var changed = isNew || job.Stop || !JsonNode.DeepEquals(job.Current.Spec, spec);
        if (changed)
        {
            job.Versions.Add(new NomadJobVersion
            {
                Version = isNew ? 0 : job.Current.Version + 1,
                Spec = (JsonObject)spec.DeepClone(),
                JobModifyIndex = index,
                SubmitTime = Now,
            });
            job.Stop = false;
            job.JobModifyIndex = index;
        }

        job.ModifyIndex = index;
        var evaluation = NewEval(job, "job-register", index);
        if (changed)
        {
            Place(job, evaluation, index);
        }

        state.Signal();
        return (evaluation, job);
    }

    /// <summary>One step of every running deployment of every job.</summary>
    public void ProgressAll()
    {
        foreach (var deployment in state.Deployments.Where(d => d.Status == "running").ToList())
        {
            Progress(deployment);
        }
    }

    /// <summary>Finishes <paramref name="deployment"/>: successful, or failed (and maybe reverted).</summary>
    public void Progress(NomadDeploymentRecord deployment)
    {
        if (deployment.Status != "running")
        {
            return;
        }

        var index = state.NextIndex();
        var now = Now;
        var job = state.Jobs[(deployment.Namespace, deployment.JobId)];
        var allocs = state.Allocs.Values.Where(a => a.DeploymentId == deployment.Id && a.DesiredStatus == "run").ToList();
        foreach (var alloc in allocs)
        {
            foreach (var (task, taskState) in alloc.Tasks)
            {
                taskState.State = "running";
                taskState.StartedAt = now;
                taskState.Events.Add(new NomadTaskEventRecord("Task Setup", now, "Building Task Directory"));
                taskState.Events.Add(new NomadTaskEventRecord("Started", now, "Task started by client"));
                if (deployment.WillFail)
                {
                    taskState.State = "dead";
                    taskState.Failed = true;
                    taskState.FinishedAt = now;
                    taskState.Events.Add(new NomadTaskEventRecord("Terminated", now, "Exit Code: 1", ExitCode: 1));
                    taskState.Events.Add(new NomadTaskEventRecord("Not Restarting", now, "Exceeded allowed attempts 0 in interval 0s and mode is \"fail\"", FailsTask: true));
                }
            }

            alloc.ClientStatus = deployment.WillFail ? "failed" : "running";
            alloc.ClientDescription = deployment.WillFail ? "Failed tasks" : "Tasks are running";
            alloc.Healthy = !deployment.WillFail;
            alloc.HealthTimestamp = now;
            alloc.ModifyIndex = index;
            alloc.ModifyTime = now;
        }

        foreach (var (name, group) in deployment.Groups)
        {
            var count = allocs.Count(a => a.TaskGroup == name);
            group.HealthyAllocs = deployment.WillFail ? 0 : count;
            group.UnhealthyAllocs = deployment.WillFail ? count : 0;
        }

        deployment.ModifyIndex = index;
        deployment.ModifyTime = now;
        if (!deployment.WillFail)
        {
            deployment.Status = "successful";
            deployment.StatusDescription = "Deployment completed successfully";
            job.Versions.First(v => v.Version == deployment.JobVersion).Stable = true;
            StopOldAllocations(job, deployment.JobVersion, index, "alloc is being updated due to job update");
            state.Signal();
            return;
        }

        deployment.Status = "failed";
        deployment.StatusDescription = "Failed due to unhealthy allocations";
        var stable = job.Versions.LastOrDefault(v => v.Stable && v.Version < deployment.JobVersion);
        if (deployment.Groups.Values.Any(g => g.AutoRevert) && stable is not null)
        {
            deployment.StatusDescription = $"Failed due to unhealthy allocations - rolling back to job version {stable.Version}";
            var revertIndex = state.NextIndex();
            job.Versions.Add(new NomadJobVersion
            {
                Version = job.Current.Version + 1,
                Spec = (JsonObject)stable.Spec.DeepClone(),
                JobModifyIndex = revertIndex,
                SubmitTime = now,
            });
            job.JobModifyIndex = revertIndex;
            job.ModifyIndex = revertIndex;
            Place(job, NewEval(job, "deployment-watcher", revertIndex), revertIndex);
        }

        state.Signal();
    }

    /// <summary>Stops (new version with <c>Stop</c>) or purges a job; an unknown job still gets an eval.</summary>
    public (NomadEvalRecord Eval, ulong JobModifyIndex) Deregister(string ns, string id, bool purge)
    {
        var index = state.NextIndex();
        if (!state.Jobs.TryGetValue((ns, id), out var job))
        {
            var orphan = new NomadEvalRecord
            {
                Id = Guid.NewGuid().ToString(), Namespace = ns, JobId = id, Type = "service", TriggeredBy = "job-deregister",
                JobModifyIndex = index, CreateIndex = index, CreateTime = Now,
            };
            state.Evals[orphan.Id] = orphan;
            state.Signal();
            return (orphan, 0);
        }

        foreach (var deployment in state.Deployments.Where(d => d.JobId == id && d.Namespace == ns && d.Status == "running"))
        {
            deployment.Status = "cancelled";
            deployment.StatusDescription = "Cancelled because job is stopped";
            deployment.ModifyIndex = index;
        }

        StopOldAllocations(job, ulong.MaxValue, index, "alloc not needed due to job update");
        if (purge)
        {
            state.Jobs.Remove((ns, id));
        }
        else if (!job.Stop)
        {
            job.Versions.Add(new NomadJobVersion
            {
                Version = job.Current.Version + 1,
                Spec = (JsonObject)job.Current.Spec.DeepClone(),
                JobModifyIndex = index,
                SubmitTime = Now,
                Stop = true,
            });
            job.Stop = true;
            job.JobModifyIndex = index;
            job.ModifyIndex = index;
        }

        var evaluation = NewEval(job, "job-deregister", index);
        state.Signal();
        return (evaluation, index);
    }

    /// <summary><c>pending</c>, <c>running</c> or <c>dead</c>, as Nomad derives it from allocations.</summary>
    public string JobStatus(NomadJobRecord job)
    {
        var allocs = state.Allocs.Values.Where(a => a.JobId == job.Id && a.Namespace == job.Namespace).ToList();
        if (allocs.Any(a => a.ClientStatus is "running" or "pending" && a.DesiredStatus == "run"))
        {
            return allocs.Any(a => a.ClientStatus == "running") ? "running" : "pending";
        }

        return job.Stop || allocs.Count > 0 ? "dead" : "pending";
    }

    private NomadEvalRecord NewEval(NomadJobRecord job, string triggeredBy, ulong index)
    {
        var evaluation = new NomadEvalRecord
        {
            Id = Guid.NewGuid().ToString(),
            Namespace = job.Namespace,
            JobId = job.Id,
            Type = job.Type,
            TriggeredBy = triggeredBy,
            JobModifyIndex = job.JobModifyIndex,
            CreateIndex = index,
            CreateTime = Now,
        };
        state.Evals[evaluation.Id] = evaluation;
        return evaluation;
    }

    private void Place(NomadJobRecord job, NomadEvalRecord evaluation, ulong index)
    {
        var version = job.Current;
        var groups = version.Spec["TaskGroups"]?.AsArray() ?? [];
        NomadDeploymentRecord? deployment = null;
        if (job.Type is "service" or "system")
        {
            foreach (var running in state.Deployments.Where(d => d.JobId == job.Id && d.Namespace == job.Namespace && d.Status == "running"))
            {
                running.Status = "cancelled";
                running.StatusDescription = "Cancelled due to newer version of job";
                running.ModifyIndex = index;
            }

            deployment = new NomadDeploymentRecord
            {
                Id = Guid.NewGuid().ToString(),
                Namespace = job.Namespace,
                JobId = job.Id,
                JobVersion = version.Version,
                JobModifyIndex = version.JobModifyIndex,
                JobCreateIndex = job.CreateIndex,
                Groups = groups.ToDictionary(
                    g => g!["Name"]!.GetValue<string>(),
                    g => new NomadDeploymentGroup
                    {
                        AutoRevert = g!["Update"]?["AutoRevert"]?.GetValue<bool>() ?? false,
                        ProgressDeadline = g["Update"]?["ProgressDeadline"]?.GetValue<long>() ?? 600_000_000_000,
                        DesiredTotal = g["Count"]?.GetValue<int>() ?? 1,
                    }),
                WillFail = state.FailNextDeployment.Remove(job.Id),
                CreateIndex = index,
                ModifyIndex = index,
                CreateTime = Now,
                ModifyTime = Now,
            };
            state.Deployments.Add(deployment);
            evaluation.DeploymentId = deployment.Id;
            NewDeployments.Add(deployment);
        }

        var port = 20000 + state.Allocs.Count;
        foreach (var group in groups)
        {
            var name = group!["Name"]!.GetValue<string>();
            var count = group["Count"]?.GetValue<int>() ?? 1;
            for (var i = 0; i < count; i++)
            {
                var alloc = new NomadAllocRecord
                {
                    Id = Guid.NewGuid().ToString(),
                    EvalId = evaluation.Id,
                    Name = $"{job.Id}.{name}[{i}]",
                    Namespace = job.Namespace,
                    JobId = job.Id,
                    JobType = job.Type,
                    JobVersion = version.Version,
                    TaskGroup = name,
                    DeploymentId = deployment?.Id ?? string.Empty,
                    Tasks = (group["Tasks"]?.AsArray() ?? []).ToDictionary(
                        t => t!["Name"]!.GetValue<string>(),
                        _ => new NomadTaskStateRecord { Events = { new NomadTaskEventRecord("Received", Now, "Task received by client") } }),
                    CreateIndex = index,
                    ModifyIndex = index,
                    CreateTime = Now,
                    ModifyTime = Now,
                };
                foreach (var network in group["Networks"]?.AsArray() ?? [])
                {
                    foreach (var reserved in network?["ReservedPorts"]?.AsArray() ?? [])
                    {
                        alloc.Ports[reserved!["Label"]!.GetValue<string>()] = reserved["Value"]!.GetValue<int>();
                    }

                    foreach (var dynamic in network?["DynamicPorts"]?.AsArray() ?? [])
                    {
                        alloc.Ports[dynamic!["Label"]!.GetValue<string>()] = port++;
                    }
                }

                state.Allocs[alloc.Id] = alloc;
            }

            if (deployment is not null)
            {
                deployment.Groups[name].PlacedAllocs = count;
            }
        }

        // Without a deployment (batch) the old allocations stop at once.
        if (deployment is null)
        {
            StopOldAllocations(job, version.Version, index, "alloc is being updated due to job update");
        }
    }

    private void StopOldAllocations(NomadJobRecord job, ulong keepVersion, ulong index, string description)
    {
        foreach (var alloc in state.Allocs.Values.Where(a => a.JobId == job.Id && a.Namespace == job.Namespace && a.JobVersion != keepVersion && a.DesiredStatus == "run"))
        {
            alloc.DesiredStatus = "stop";
            alloc.DesiredDescription = description;
            if (alloc.ClientStatus is "running" or "pending")
            {
                alloc.ClientStatus = "complete";
                alloc.ClientDescription = "All tasks have completed";
                foreach (var task in alloc.Tasks.Values)
                {
                    task.State = "dead";
                    task.FinishedAt = Now;
                    task.Events.Add(new NomadTaskEventRecord("Killed", Now, "Task successfully killed"));
                }
            }

            alloc.ModifyIndex = index;
            alloc.ModifyTime = Now;
        }
    }

    internal static string NodeIdentifier => NodeId;
}
