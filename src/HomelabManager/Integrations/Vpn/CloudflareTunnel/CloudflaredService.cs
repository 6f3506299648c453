using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>
/// The <c>cloudflared</c> infrastructure service: <c>cloudflared tunnel --no-autoupdate run</c> with
/// <c>TUNNEL_TOKEN</c> read from Vault at run time (the job builder's Vault env template; the job never holds it).
/// It runs in the node's network namespace (docker <c>network_mode = "host"</c>), so an origin such as
/// <c>https://localhost:443</c> is the reverse proxy on the same node; its metrics/readiness endpoint listens on a
/// dynamic port of the node address, which Consul checks at <c>/ready</c> (200 once connected to Cloudflare).
/// </summary>
internal static class CloudflaredService
{
    /// <summary>Job and Consul service name.</summary>
    public const string Name = "cloudflared";

    /// <summary>The port label of the metrics endpoint.</summary>
    public const string MetricsPort = "metrics";

    /// <summary>The service, its job finished for host networking.</summary>
    public static InfrastructureService Create(string image, VaultReference token) => new(new ServiceDefinition
    {
        Name = Name,
        Description = "Cloudflare Tunnel connector (homelab-manager integration)",
        Container = new ContainerSpec
        {
            Image = image,
            Args = ["tunnel", "--no-autoupdate", "--metrics", "${NOMAD_ADDR_" + MetricsPort + "}", "run"],
            Ports = [new ContainerPort(2000, Name: MetricsPort)],
        },
        Resources = new ResourceRequirements(100, 128),
        Env = [new EnvVariable("TUNNEL_TOKEN", EnvValue.FromVault(token))],
        Health = new HealthCheckSpec("/ready"),
    })
    {
        Finish = UseHostNetwork,
    };

    /// <summary>
    /// Host networking: no port mapping (docker ignores it in host mode), and the dynamic port without <c>to</c>, so
    /// <c>NOMAD_ADDR_metrics</c> is the node address and port cloudflared binds and Consul checks.
    /// </summary>
    public static NomadJob UseHostNetwork(NomadJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job with
        {
            TaskGroups = [.. job.TaskGroups.Select(g => g with
            {
                Networks = g.Networks is null ? null : [.. g.Networks.Select(n => n with
                {
                    DynamicPorts = n.DynamicPorts is null ? null : [.. n.DynamicPorts.Select(p => p with { To = null })],
                })],
                Tasks = [.. g.Tasks.Select(t => t with { Config = t.Config with { NetworkMode = "host", Ports = null } })],
            })],
        };
    }
}
