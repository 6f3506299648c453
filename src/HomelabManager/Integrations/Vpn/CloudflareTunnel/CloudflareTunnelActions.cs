using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>
/// The tunnel's ingress through Cloudflare's configurations API: <see cref="PlanAsync"/> reads the configuration
/// (one GET) and compares; <see cref="ApplyAsync"/> reads it again, makes the chosen changes still needed and sends
/// the whole configuration back in one PUT, everything it does not manage unchanged. Applying twice changes
/// nothing the second time (no PUT when nothing is left to do).
/// </summary>
internal sealed class CloudflareTunnelActions(CloudflareClient client, string accountId, string tunnelId, string domain, TunnelOrigin origin) : IExternalActions
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ExternalChange>> PlanAsync(ExternalActionRequest wanted, CancellationToken cancellationToken)
    {
        var (_, steps) = await PlanStepsAsync(wanted, cancellationToken);
        return [.. steps.Select(s => s.Change)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExternalChange>> ApplyAsync(ExternalActionRequest wanted, IReadOnlyList<ExternalChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var (current, steps) = await PlanStepsAsync(wanted, cancellationToken);
        var chosen = steps.Where(s => changes.Contains(s.Change)).ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var ingress = TunnelIngressPlanner.Apply(current?.Ingress ?? [], chosen, origin);
        var problems = CloudflaredIngressRules.Problems([.. ingress.Select(r => (r.Hostname, r.Path, r.Service))]);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Refusing to send tunnel {tunnelId} an ingress cloudflared would reject: {string.Join("; ", problems)}");
        }

        var config = (current ?? new CloudflareTunnelConfig()) with { Ingress = ingress };
        try
        {
            await client.PutTunnelConfigurationAsync(accountId, tunnelId, config, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw new InvalidOperationException($"updating the ingress of tunnel {tunnelId} failed: {exception.Message}", exception);
        }

        return [.. chosen.Select(s => s.Change)];
    }

    private async Task<(CloudflareTunnelConfig? Current, IReadOnlyList<TunnelIngressStep> Steps)> PlanStepsAsync(ExternalActionRequest wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        CloudflareTunnelConfiguration configuration;
        try
        {
            configuration = await client.GetTunnelConfigurationAsync(accountId, tunnelId, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw new InvalidOperationException($"reading the configuration of tunnel {tunnelId} failed: {exception.Message}", exception);
        }

        var current = configuration.Config;
        return (current, TunnelIngressPlanner.Plan(tunnelId, wanted.TunnelIngress, current?.Ingress ?? [], domain, origin));
    }
}
