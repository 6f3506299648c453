using System.Net;
using System.Net.Sockets;

namespace HomelabManager.Integrations.Dns;

/// <summary>
/// The records a dns provider contributes: one per public host <c>&lt;subdomain|name&gt;.&lt;domain&gt;</c>, pointing at
/// the VPN provider's <see cref="DnsTarget"/> when it offers one (e.g. a tunnel's CNAME), else at the provider's own
/// <c>target</c> option (an IPv4 address gives an A record, IPv6 AAAA, a host name CNAME).
/// </summary>
internal static class DnsTargets
{
    /// <summary>The zone a DNS provider writes in: its <c>zone</c> option, else the homelab's domain.</summary>
    public static string ZoneOf(IntegrationContext context) => context.Settings.GetString("zone") ?? context.Domain;

    /// <summary>The <c>target</c> option shared by both providers.</summary>
    public static ProviderOption TargetOption { get; } =
        new("target", "Where public names point when no VPN/tunnel decides (IPv4, IPv6 or host name)", OptionKind.String) { Validator = TargetProblem };

    /// <summary>Why <paramref name="text"/> is not an address or host name, or null.</summary>
    public static string? TargetProblem(string text) =>
        ToTarget(text, false) is null ? "Expected an IPv4 or IPv6 address or a lower-case host name, e.g. \"203.0.113.10\" or \"home.example.net\"." : null;

    /// <summary><paramref name="text"/> as a target, or null when it is neither an address nor a host name.</summary>
    public static DnsTarget? ToTarget(string text, bool proxied)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal))
        {
            return address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3 ? new DnsTarget("A", text, proxied)
                : address.AddressFamily == AddressFamily.InterNetworkV6 ? new DnsTarget("AAAA", text, proxied)
                : null;
        }

        return DnsRecordNames.HostProblem(text) is null && text.Contains('.', StringComparison.Ordinal) ? new DnsTarget("CNAME", text, proxied) : null;
    }

    /// <summary>The wanted records; throws <see cref="InvalidOperationException"/> (a contribution diagnostic) when no target is known.</summary>
    public static IntegrationContribution Contribute(IntegrationContext context, bool proxiedOption)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.DnsTarget
            ?? (context.Settings.GetString("target") is { } text ? ToTarget(text, proxiedOption) : null)
            ?? throw new InvalidOperationException("No DNS target: set \"target\" (an address or host name) or configure a vpn provider that offers one.");
        return new IntegrationContribution
        {
            DnsRecords = [.. context.PublicSites.Select(s => new DnsRecord(s.Host.ToLowerInvariant(), target.Type, target.Target, target.Proxied))],
        };
    }
}
