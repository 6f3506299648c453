using System.Globalization;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Deployment;

/// <summary>
/// The Meta bookkeeping a deployment adds to built jobs. None of it is part of the job hash
/// (<see cref="NomadJobBuilder.ComputeJobHash"/> leaves it out), so it never makes a job "changed":
/// <list type="bullet">
/// <item><c>homelab-manager-expected-version</c>: the job <c>Version</c> our register produces. Nomad numbers
/// versions itself; a live version that differs later means someone else registered the job (drift).</item>
/// <item><c>homelab-manager-restart</c>: the nonce of <c>update</c> without <c>--image</c>; with it the docker
/// task pulls its image on start (<c>force_pull</c>). A job that carries it is compared with it.</item>
/// </list>
/// </summary>
internal static class JobBookkeeping
{
    /// <summary><paramref name="job"/> as registered: Meta records <paramref name="expectedVersion"/>.</summary>
    public static NomadJob ForRegister(NomadJob job, ulong expectedVersion) =>
        WithMeta(job, meta => meta[JobMetaKeys.ExpectedVersion] = expectedVersion.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <paramref name="job"/> as homelab-manager last registered it, given the live Meta: the bookkeeping keys
    /// (tool version, expected version, restart nonce) take the live values, so asking Nomad to plan it shows
    /// nothing unless the job itself differs.
    /// </summary>
    public static NomadJob AsDeployed(NomadJob job, IReadOnlyDictionary<string, string>? liveMeta)
    {
        ArgumentNullException.ThrowIfNull(job);
        var restart = liveMeta?.GetValueOrDefault(JobMetaKeys.Restart);
        var result = WithMeta(job, meta =>
        {
            foreach (var key in new[] { JobMetaKeys.Version, JobMetaKeys.ExpectedVersion, JobMetaKeys.Restart })
            {
                if (liveMeta?.GetValueOrDefault(key) is { } value)
                {
                    meta[key] = value;
                }
                else
                {
                    meta.Remove(key);
                }
            }
        });
        return restart is null ? result : WithForcePull(result);
    }

    /// <summary>The job with a new restart nonce and <c>force_pull</c> on every docker task.</summary>
    public static NomadJob WithRestart(NomadJob job, string nonce) =>
        WithForcePull(WithMeta(job, meta => meta[JobMetaKeys.Restart] = nonce));

    /// <summary>
    /// The job with <paramref name="image"/> in every docker task and a job hash of its own, so the next deploy
    /// sees it differs from the definition (and returns it to the definition's image).
    /// </summary>
    public static NomadJob WithImage(NomadJob job, string image)
    {
        ArgumentNullException.ThrowIfNull(job);
        var changed = MapTasks(job, task => task.Driver == "docker" ? task with { Config = task.Config with { Image = image } } : task);
        var hash = NomadJobBuilder.ComputeJobHash(changed);
        return WithMeta(changed, meta => meta[JobMetaKeys.JobHash] = hash);
    }

    /// <summary>The expected version recorded in <paramref name="meta"/>, or null when there is none.</summary>
    public static ulong? ExpectedVersion(IReadOnlyDictionary<string, string>? meta) =>
        meta?.GetValueOrDefault(JobMetaKeys.ExpectedVersion) is { } text
        && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static NomadJob WithForcePull(NomadJob job) =>
        MapTasks(job, task => task.Driver == "docker" ? task with { Config = task.Config with { ForcePull = true } } : task);

    private static NomadJob MapTasks(NomadJob job, Func<NomadTask, NomadTask> map) => job with
    {
        TaskGroups = [.. job.TaskGroups.Select(group => group with { Tasks = [.. group.Tasks.Select(map)] })],
    };

    private static NomadJob WithMeta(NomadJob job, Action<SortedDictionary<string, string>> edit)
    {
        ArgumentNullException.ThrowIfNull(job);
        var meta = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in job.Meta ?? new Dictionary<string, string>())
        {
            meta[key] = value;
        }

        edit(meta);
        return job with { Meta = meta };
    }
}
