using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Deployment;

/// <summary>A job the homelab wants to run, as the job builder produced it.</summary>
/// <param name="Job">The job (Meta carries ownership and <c>homelab-manager-job-hash</c>).</param>
/// <param name="Service">The service it belongs to.</param>
/// <param name="DependsOn">Services whose jobs must be registered first.</param>
internal sealed record DesiredJob(NomadJob Job, string Service, IReadOnlyList<string> DependsOn)
{
    /// <summary>The job ID.</summary>
    public string Id => Job.Id;

    /// <summary>The job hash the builder stored in Meta.</summary>
    public string Hash => Job.Meta is { } meta && meta.TryGetValue(JobMetaKeys.JobHash, out var hash) ? hash : string.Empty;
}
