using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>
/// What a <see cref="IJobContribution"/> sees and may add to while one service's job is built.
/// The collections are mutable; the builder copies them into the immutable job afterwards.
/// </summary>
internal sealed class JobContributionContext
{
    internal JobContributionContext(ServiceDefinition service, NomadJobBuilderOptions options, string? servicePortLabel)
    {
        Service = service;
        Options = options;
        ServicePortLabel = servicePortLabel;
        PublicHostName = service.PublicAccess && !string.IsNullOrEmpty(options.Domain)
            ? $"{service.Subdomain ?? service.Name}.{options.Domain}"
            : null;
    }

    /// <summary>The (normalised) service being built.</summary>
    public ServiceDefinition Service { get; }

    /// <summary>The builder options (domain, datacenters, …).</summary>
    public NomadJobBuilderOptions Options { get; }

    /// <summary>Consul service name (the service name).</summary>
    public string ConsulServiceName => Service.Name;

    /// <summary>Port label the Consul service points at, or null when the service has no port.</summary>
    public string? ServicePortLabel { get; }

    /// <summary><c>&lt;subdomain|name&gt;.&lt;domain&gt;</c> for a public service when a domain is set; else null.</summary>
    public string? PublicHostName { get; }

    /// <summary>Tags of the Consul service registration (e.g. Traefik routing tags).</summary>
    public IList<string> ServiceTags { get; } = [];

    /// <summary>Meta of the Consul service registration.</summary>
    public IDictionary<string, string> ServiceMeta { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Job Meta; the <c>managed-by</c> and <c>homelab-manager-*</c> keys are reserved.</summary>
    public IDictionary<string, string> JobMeta { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Literal environment variables added to the task (a service's own env wins on conflict: it is an error).</summary>
    public IDictionary<string, string> TaskEnv { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Extra task templates (destinations must be unique and differ from the Vault env file).</summary>
    public IList<NomadTemplate> Templates { get; } = [];

    /// <summary>Whole extra jobs to deploy alongside this service's job.</summary>
    public IList<NomadJob> AdditionalJobs { get; } = [];
}
