using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Integrations;

/// <summary>What one provider adds to a deployment. Everything is optional.</summary>
internal sealed record IntegrationContribution
{
    /// <summary>Nothing.</summary>
    public static IntegrationContribution Empty { get; } = new();

    /// <summary>
    /// Infrastructure services (Traefik, Authelia, …) described like user services, so they get the same job
    /// defaults and every provider's <see cref="JobContributions"/> (a public auth portal is routed like any other).
    /// </summary>
    public IReadOnlyList<InfrastructureService> Services { get; init; } = [];

    /// <summary>Whole jobs built by the provider itself (not through the job builder).</summary>
    public IReadOnlyList<NomadJob> Jobs { get; init; } = [];

    /// <summary>Added to every service's job, user and infrastructure alike (routing tags, middlewares).</summary>
    public IReadOnlyList<IJobContribution> JobContributions { get; init; } = [];

    /// <summary>Config files for review or for outside Nomad (e.g. a WireGuard peer config); jobs carry their own.</summary>
    public IReadOnlyList<RenderedFile> Files { get; init; } = [];

    /// <summary>DNS records the deployment wants (synced by the dns provider).</summary>
    public IReadOnlyList<DnsRecord> DnsRecords { get; init; } = [];

    /// <summary>Tunnel ingress rules (used by a tunnel provider).</summary>
    public IReadOnlyList<TunnelIngressRule> TunnelIngress { get; init; } = [];
}

/// <summary>An infrastructure service an integration runs, built by <see cref="NomadJobBuilder"/>.</summary>
/// <param name="Definition">The service, as if written in <c>service.hcl</c>.</param>
internal sealed record InfrastructureService(ServiceDefinition Definition)
{
    /// <summary>Contributions for this service only (its config templates, env).</summary>
    public IReadOnlyList<IJobContribution> Contributions { get; init; } = [];

    /// <summary>Last changes to the built job (e.g. <see cref="InfrastructureJobs.AsSystemJob"/>); the job hash is recomputed after.</summary>
    public Func<NomadJob, NomadJob>? Finish { get; init; }
}

/// <summary>A config file rendered from a template.</summary>
/// <param name="Path">Relative path under the render output, e.g. <c>integrations/vpn/wireguard/peer1.conf</c>.</param>
/// <param name="Content">The text.</param>
/// <param name="Sensitive">True when it must be written with mode 0600 and never printed.</param>
internal sealed record RenderedFile(string Path, string Content, bool Sensitive = false);

/// <summary>A DNS record the deployment wants.</summary>
/// <param name="Name">Fully qualified name, lower case, no trailing dot.</param>
/// <param name="Type"><c>A</c>, <c>AAAA</c>, <c>CNAME</c> or <c>TXT</c>.</param>
/// <param name="Target">Address, target host or text.</param>
/// <param name="Proxied">Cloudflare's proxy flag (ignored elsewhere).</param>
internal sealed record DnsRecord(string Name, string Type, string Target, bool Proxied = false);

/// <summary>One tunnel ingress rule: requests for <paramref name="Hostname"/> go to <paramref name="Service"/>.</summary>
/// <param name="Hostname">Public host name.</param>
/// <param name="Service">Origin URL, e.g. <c>http://localhost:80</c> (the reverse proxy).</param>
internal sealed record TunnelIngressRule(string Hostname, string Service);
