namespace HomelabManager.Jobs;

/// <summary>
/// A hook through which integrations (reverse proxy, auth, DNS, …) add to a service's job without the
/// builder knowing them: Consul tags and meta, job meta, task env, templates, or whole extra jobs.
/// Contributions run in registration order after the builder has laid out the job.
/// </summary>
internal interface IJobContribution
{
    /// <summary>Adds to <paramref name="context"/>; <see cref="JobContributionContext.Service"/> says for which service.</summary>
    void Contribute(JobContributionContext context);
}
