using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Deployment;

/// <summary>
/// Registers the planned jobs, each with <c>EnforceIndex</c> on the modify index it was planned against, at most
/// <c>concurrency</c> at a time and dependencies first (in waves by <c>depends_on</c>). A failed job does not stop
/// independent ones; its dependents are not attempted. Every job ends with exactly one <see cref="ApplyResult"/>.
/// </summary>
internal sealed class DeploymentApplier(INomadClient nomad, int concurrency)
{
    /// <summary>Registers <paramref name="jobs"/>; <paramref name="onResult"/> hears each result as it happens.</summary>
    public async Task<IReadOnlyList<ApplyResult>> RegisterAsync(
        IReadOnlyList<PlannedJob> jobs, Action<ApplyResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var results = new Dictionary<string, ApplyResult>(StringComparer.Ordinal);
        var gate = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken };
        foreach (var wave in Waves(jobs))
        {
            await Parallel.ForEachAsync(wave, options, async (job, ct) =>
            {
                List<string> failed;
                lock (gate)
                {
                    failed = FailedDependencies(job, jobs, results);
                }

                var result = failed.Count > 0
                    ? new ApplyResult(job, ApplyOutcome.NotAttempted, $"not attempted: it depends on {string.Join(", ", failed)}, which failed")
                    : await RegisterOneAsync(job, ct);
                lock (gate)
                {
                    results[job.JobId] = result;
                }

                onResult?.Invoke(result);
            });
        }

        return [.. jobs.Select(j => results[j.JobId])];
    }

    /// <summary>Stops (and purges) the jobs of <paramref name="jobs"/> one by one.</summary>
    public async Task<IReadOnlyList<ApplyResult>> RemoveAsync(
        IReadOnlyList<PlannedJob> jobs, bool purge, Action<ApplyResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var results = new List<ApplyResult>();
        foreach (var job in jobs)
        {
            ApplyResult result;
            try
            {
                var response = await nomad.StopJobAsync(job.JobId, purge, cancellationToken);
                result = new ApplyResult(job, ApplyOutcome.Applied, EvalId: response.EvalId, JobModifyIndex: response.JobModifyIndex);
            }
            catch (ApiException exception)
            {
                result = new ApplyResult(job, ApplyOutcome.Failed, exception.Message);
            }

            results.Add(result);
            onResult?.Invoke(result);
        }

        return results;
    }

    private async Task<ApplyResult> RegisterOneAsync(PlannedJob job, CancellationToken cancellationToken)
    {
        var request = new NomadJobRegisterRequest { Job = job.Job!, EnforceIndex = true, JobModifyIndex = job.EnforceIndex };
        try
        {
            var response = await nomad.RegisterJobAsync(request, cancellationToken);
            return new ApplyResult(job, ApplyOutcome.Applied, EvalId: response.EvalId, JobModifyIndex: response.JobModifyIndex);
        }
        catch (ApiException exception) when (NomadErrors.IsEnforceIndexConflict(exception))
        {
            // A retried register whose first answer was lost may have gone through: then the job is exactly ours.
            if (await IsOursAsync(job, cancellationToken) is { } index)
            {
                return new ApplyResult(job, ApplyOutcome.Applied, JobModifyIndex: index);
            }

            return new ApplyResult(
                job,
                ApplyOutcome.Failed,
                $"the job changed in Nomad after it was planned, so it was not overwritten ({exception.ServerMessage.Trim()}); run the command again");
        }
        catch (ApiException exception)
        {
            return new ApplyResult(job, ApplyOutcome.Failed, exception.Message);
        }
    }

    /// <summary>The live job's modify index when it is exactly the job we meant to register.</summary>
    private async Task<ulong?> IsOursAsync(PlannedJob job, CancellationToken cancellationToken)
    {
        try
        {
            var live = (await nomad.ReadJobAsync(job.JobId, cancellationToken: cancellationToken))?.Value;
            var meta = job.Job!.Meta ?? new Dictionary<string, string>();
            var same = live is not null
                && !live.Stop
                && live.Version == job.ExpectedVersion
                && live.Meta is { } liveMeta
                && meta.Count == liveMeta.Count
                && meta.All(pair => liveMeta.GetValueOrDefault(pair.Key) == pair.Value);
            return same ? live!.JobModifyIndex : null;
        }
        catch (ApiException)
        {
            return null;
        }
    }

    private static List<string> FailedDependencies(PlannedJob job, IReadOnlyList<PlannedJob> jobs, Dictionary<string, ApplyResult> results) =>
        [.. jobs
            .Where(other => other.Service is { } service && job.DependsOn.Contains(service, StringComparer.Ordinal))
            .Where(other => results.TryGetValue(other.JobId, out var result) && result.Outcome != ApplyOutcome.Applied)
            .Select(other => other.JobId)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Groups jobs so each job's dependencies (among <paramref name="jobs"/>) are in earlier waves.</summary>
    internal static IReadOnlyList<IReadOnlyList<PlannedJob>> Waves(IReadOnlyList<PlannedJob> jobs)
    {
        var services = jobs.Where(j => j.Service is not null).Select(j => j.Service!).ToHashSet(StringComparer.Ordinal);
        var level = new Dictionary<string, int>(StringComparer.Ordinal);
        int LevelOf(PlannedJob job, int depth)
        {
            if (level.TryGetValue(job.JobId, out var known))
            {
                return known;
            }

            // Cycles are rejected when the homelab is validated; the depth bound only keeps this total.
            var dependencies = depth > jobs.Count ? [] : job.DependsOn.Where(services.Contains).ToList();
            var value = dependencies.Count == 0
                ? 0
                : 1 + dependencies.Max(d => jobs.Where(j => j.Service == d).Select(j => LevelOf(j, depth + 1)).DefaultIfEmpty(0).Max());
            level[job.JobId] = value;
            return value;
        }

        return [.. jobs.GroupBy(j => LevelOf(j, 0)).OrderBy(g => g.Key).Select(g => (IReadOnlyList<PlannedJob>)[.. g])];
    }
}
