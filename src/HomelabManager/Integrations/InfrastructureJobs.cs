using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations;

/// <summary>Adjustments of infrastructure jobs built by <see cref="NomadJobBuilder"/>, and file templates read from Vault.</summary>
internal static class InfrastructureJobs
{
    /// <summary>
    /// A <c>system</c> job (one allocation per eligible node): no reschedule policy (Nomad rejects one) and an
    /// update block without deployment-only fields (auto-revert, progress deadline).
    /// </summary>
    public static NomadJob AsSystemJob(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with
        {
            Type = "system",
            TaskGroups = [.. job.TaskGroups.Select(g => g with
            {
                Count = null,
                ReschedulePolicy = null,
                Update = g.Update is null ? null : new NomadUpdateStrategy
                {
                    MaxParallel = g.Update.MaxParallel,
                    HealthCheck = g.Update.HealthCheck,
                    MinHealthyTime = g.Update.MinHealthyTime,
                    HealthyDeadline = g.Update.HealthyDeadline,
                },
            })],
        };
    }

    /// <summary>A <c>batch</c> job: runs to completion; no update block (Nomad rejects one for batch jobs).</summary>
    public static NomadJob AsBatchJob(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with
        {
            Type = "batch",
            TaskGroups = [.. job.TaskGroups.Select(g => g with
            {
                Update = null,
                RestartPolicy = g.RestartPolicy is null ? null : g.RestartPolicy with { Attempts = 5, Mode = "fail" },
                ReschedulePolicy = g.ReschedulePolicy is null ? null : new NomadReschedulePolicy
                {
                    Attempts = 3,
                    Interval = NomadDuration.FromHours(1),
                    Delay = NomadDuration.FromSeconds(30),
                    DelayFunction = "constant",
                    Unlimited = false,
                },
            })],
        };
    }

    /// <summary>
    /// Gives every task a Vault block (workload identity, as for <c>vault:</c> env values) so its templates may read
    /// secrets with <c>secret</c>.
    /// </summary>
    public static NomadJob WithVault(NomadJob job, VaultSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        return job with
        {
            TaskGroups = [.. job.TaskGroups.Select(g => g with
            {
                Tasks = [.. g.Tasks.Select(t => t with
                {
                    Vault = t.Vault ?? new NomadVault { Role = options.Role },
                    Identities = t.Identities ?? (options.DeclareIdentity
                        ?
                        [
                            new NomadWorkloadIdentity
                            {
                                Name = "vault_default",
                                Audience = [options.IdentityAudience],
                                Env = false,
                                File = false,
                                Ttl = NomadDuration.FromTimeSpan(options.IdentityTtl),
                            },
                        ]
                        : null),
                })],
            })],
        };
    }

    /// <summary>Recomputes Meta <c>homelab-manager-job-hash</c> after a change.</summary>
    public static NomadJob Rehash(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var meta = new SortedDictionary<string, string>((job.Meta ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal);
        meta.Remove(JobMetaKeys.JobHash);
        var unhashed = job with { Meta = meta };
        meta[JobMetaKeys.JobHash] = NomadJobBuilder.ComputeJobHash(unhashed);
        return job with { Meta = meta };
    }

    /// <summary>
    /// A template writing one Vault secret value verbatim to <paramref name="destPath"/> (mode 0600), e.g. a TLS key.
    /// Path and key are escaped Go string literals, so they cannot break out of the action.
    /// </summary>
    public static NomadTemplate SecretFile(VaultReference reference, string destPath, VaultSecretOptions options, string changeMode = "restart", string? changeSignal = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var v2 = options.KvVersionOf(reference.Mount) == VaultKvVersion.V2;
        var readPath = v2 ? $"{reference.Mount}/data/{reference.PathInMount}" : reference.Path;
        var values = v2 ? ".Data.data" : ".Data";
        return new NomadTemplate
        {
            DestPath = destPath,
            EmbeddedTmpl = $"{{{{ with secret {GoTemplateText.StringLiteral(readPath)} }}}}{{{{ index {values} {GoTemplateText.StringLiteral(reference.Key)} }}}}{{{{ end }}}}",
            ChangeMode = changeMode,
            ChangeSignal = changeSignal,
            Perms = "0600",
        };
    }
}

/// <summary>Adds templates and env to one named service only (an infrastructure service's own config).</summary>
internal sealed class ServiceFilesContribution(string serviceName, IReadOnlyList<NomadTemplate> templates, IReadOnlyDictionary<string, string>? env = null)
    : IJobContribution
{
    /// <inheritdoc />
    public void Contribute(JobContributionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Service.Name != serviceName)
        {
            return;
        }

        foreach (var template in templates)
        {
            context.Templates.Add(template);
        }

        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            context.TaskEnv[name] = value;
        }
    }
}
