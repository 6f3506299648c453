using HomelabManager.Clients.Cloudflare;
using HomelabManager.Integrations.Dns;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>One planned ingress change and what it is about.</summary>
/// <param name="Change">As shown by plan; its resource ends with the host name (or <c>catch-all</c>).</param>
/// <param name="Hostname">The rule's host name; empty for the catch-all.</param>
/// <param name="Wanted">The wanted rule for creates and updates; null for deletes.</param>
internal sealed record TunnelIngressStep(ExternalChange Change, string Hostname, TunnelIngressRule? Wanted);

/// <summary>
/// Compares the wanted ingress with a tunnel's configuration, order-insensitively except for the catch-all, and only
/// over what homelab-manager manages: a rule is its own when it has no path, its host is under
/// <c>homelab.domain</c> and it routes to <see cref="TunnelOrigin.Service"/> (with the origin settings it sets).
/// Rules for wanted hosts are created or updated; its own rules nothing wants are deleted; every other rule
/// (paths, wildcards, other hosts or origins) is left alone.
/// </summary>
internal static class TunnelIngressPlanner
{
    /// <summary>The resource word of the catch-all rule.</summary>
    public const string CatchAllName = "catch-all";

    /// <summary>The steps from <paramref name="existing"/> to <paramref name="wanted"/>.</summary>
    /// <param name="tunnelId">Shown in each change's resource.</param>
    /// <param name="wanted">Wanted rules; one with an empty host name is the catch-all.</param>
    /// <param name="existing">The tunnel's rules in order (empty when it has no configuration).</param>
    /// <param name="domain"><c>homelab.domain</c>.</param>
    /// <param name="origin">Where the rules this program makes send traffic, with their origin settings.</param>
    public static IReadOnlyList<TunnelIngressStep> Plan(
        string tunnelId, IReadOnlyList<TunnelIngressRule> wanted, IReadOnlyList<CloudflareIngressRule> existing, string domain, TunnelOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(origin);
        var steps = new List<TunnelIngressStep>();
        var hostRules = existing.Count > 0 && CloudflaredIngressRules.IsCatchAll(existing[^1].Hostname, existing[^1].Path) ? existing.Take(existing.Count - 1).ToList() : [.. existing];
        var wantedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in wanted.Where(r => r.Hostname.Length > 0).OrderBy(r => r.Hostname, StringComparer.Ordinal))
        {
            if (!wantedHosts.Add(rule.Hostname))
            {
                continue;
            }

            var current = Find(hostRules, rule.Hostname);
            if (current is null)
            {
                steps.Add(new TunnelIngressStep(new ExternalChange(ExternalChangeKind.Create, Resource(tunnelId, rule.Hostname), "→ " + rule.Service), rule.Hostname, rule));
            }
            else if (!string.Equals(current.Service, rule.Service, StringComparison.Ordinal))
            {
                steps.Add(new TunnelIngressStep(
                    new ExternalChange(ExternalChangeKind.Update, Resource(tunnelId, rule.Hostname), $"{current.Service} → {rule.Service}"), rule.Hostname, rule));
            }
            else if (!origin.HasSettings(current.OriginRequest))
            {
                steps.Add(new TunnelIngressStep(
                    new ExternalChange(ExternalChangeKind.Update, Resource(tunnelId, rule.Hostname), $"→ {rule.Service} ({origin.Describe()})"), rule.Hostname, rule));
            }
        }

        foreach (var stale in hostRules
                     .Where(r => IsOwned(r, domain, origin) && !wantedHosts.Contains(r.Hostname!))
                     .OrderBy(r => r.Hostname, StringComparer.Ordinal))
        {
            steps.Add(new TunnelIngressStep(new ExternalChange(ExternalChangeKind.Delete, Resource(tunnelId, stale.Hostname!), "was → " + stale.Service), stale.Hostname!, null));
        }

        if (wanted.LastOrDefault(r => r.Hostname.Length == 0) is { } catchAll)
        {
            var currentCatchAll = existing.Count > 0 && hostRules.Count < existing.Count ? existing[^1] : null;
            if (currentCatchAll is null)
            {
                steps.Add(new TunnelIngressStep(new ExternalChange(ExternalChangeKind.Create, Resource(tunnelId, CatchAllName), "→ " + catchAll.Service), string.Empty, catchAll));
            }
            else if (!string.Equals(currentCatchAll.Service, catchAll.Service, StringComparison.Ordinal))
            {
                steps.Add(new TunnelIngressStep(
                    new ExternalChange(ExternalChangeKind.Update, Resource(tunnelId, CatchAllName), $"{currentCatchAll.Service} → {catchAll.Service}"), string.Empty, catchAll));
            }
        }

        return steps;
    }

    /// <summary>
    /// The ingress after making <paramref name="steps"/> on <paramref name="existing"/>: updates in place, deletions
    /// removed, new rules before the first wildcard rule (so it cannot shadow them), the catch-all last.
    /// </summary>
    public static IReadOnlyList<CloudflareIngressRule> Apply(IReadOnlyList<CloudflareIngressRule> existing, IReadOnlyList<TunnelIngressStep> steps, TunnelOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(origin);
        var hasCatchAll = existing.Count > 0 && CloudflaredIngressRules.IsCatchAll(existing[^1].Hostname, existing[^1].Path);
        var rules = hasCatchAll ? existing.Take(existing.Count - 1).ToList() : [.. existing];
        CloudflareIngressRule? catchAll = hasCatchAll ? existing[^1] : null;
        foreach (var step in steps)
        {
            if (step.Hostname.Length == 0)
            {
                catchAll = new CloudflareIngressRule { Service = step.Wanted!.Service };
                continue;
            }

            var current = Find(rules, step.Hostname);
            switch (step.Change.Kind)
            {
                case ExternalChangeKind.Create when current is null:
                    var wildcard = rules.FindIndex(r => r.Hostname?.StartsWith('*') == true);
                    rules.Insert(wildcard < 0 ? rules.Count : wildcard, new CloudflareIngressRule
                    {
                        Hostname = step.Hostname, Service = step.Wanted!.Service, OriginRequest = origin.WithSettings(null),
                    });
                    break;
                case ExternalChangeKind.Create or ExternalChangeKind.Update when current is not null:
                    rules[rules.IndexOf(current)] = current with { Service = step.Wanted!.Service, OriginRequest = origin.WithSettings(current.OriginRequest) };
                    break;
                case ExternalChangeKind.Delete when current is not null:
                    rules.Remove(current);
                    break;
            }
        }

        rules.Add(catchAll ?? new CloudflareIngressRule { Service = CloudflareTunnelProvider.CatchAllService });
        return rules;
    }

    /// <summary>True when homelab-manager made <paramref name="rule"/> (see the class remarks).</summary>
    public static bool IsOwned(CloudflareIngressRule rule, string domain, TunnelOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(origin);
        return string.IsNullOrEmpty(rule.Path)
            && !string.IsNullOrEmpty(rule.Hostname)
            && !rule.Hostname.StartsWith('*')
            && DnsRecordNames.IsIn(rule.Hostname, domain)
            && string.Equals(rule.Service, origin.Service, StringComparison.Ordinal);
    }

    private static CloudflareIngressRule? Find(IReadOnlyList<CloudflareIngressRule> rules, string hostname) =>
        rules.FirstOrDefault(r => string.IsNullOrEmpty(r.Path) && string.Equals(r.Hostname, hostname, StringComparison.OrdinalIgnoreCase));

    private static string Resource(string tunnelId, string name) => $"tunnel {tunnelId} ingress {DnsRecordNames.Printable(name)}";
}
