using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Integrations.Dns;

/// <summary>Diagnostics of the dns providers (HLM42x). Never contains a value.</summary>
internal static class DnsDiagnostics
{
    /// <summary>HLM420: neither a <c>target</c> nor a vpn provider tells where public names point.</summary>
    public static Diagnostic NoTarget(IntegrationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Diagnostic.Error(
            "HLM420", $"dns provider \"{section.Provider}\" does not know where public names should point",
            "Add \"target: <IPv4, IPv6 or host name>\" to its config, or configure a vpn provider (e.g. cloudflare_tunnel).",
            section.Config.Path, section.ProviderRange);
    }

    /// <summary>HLM421: the zone is not <c>homelab.domain</c> or a parent of it.</summary>
    public static Diagnostic ZoneOutsideDomain(ConfigScalar zone, string domain)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Diagnostic.Error(
            "HLM421", $"\"{zone.KeyPath}\" is not {domain} or a parent of it",
            "Public names are <service>." + domain + "; give the zone that holds them (e.g. the registered domain).",
            zone.Path, zone.Range);
    }

    /// <summary>
    /// A DNS provider's section: its options by their own rules, then what every DNS provider needs — a known
    /// target, and a <c>zone</c> that holds the domain.
    /// </summary>
    public static void Validate(IntegrationSection section, IReadOnlyList<ProviderOption> options, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(section, options, context.Diagnostics);
        if (section.Config.Find("target") is null && context.Configuration[IntegrationCategory.Vpn] is null)
        {
            context.Diagnostics.Add(NoTarget(section));
        }

        var domain = context.Configuration.Homelab.Domain;
        if (section.Config.Find("zone") is ConfigScalar { HasPlaceholders: false, IsNull: false } zone
            && !string.IsNullOrEmpty(domain) && !DnsRecordNames.IsIn(domain, zone.Text.TrimEnd('.')))
        {
            context.Diagnostics.Add(ZoneOutsideDomain(zone, domain));
        }
    }
}
