using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Integrations.Vpn.CloudflareTunnel;

/// <summary>Diagnostics of the cloudflare_tunnel provider (HLM44x). Never contains a value.</summary>
internal static class TunnelDiagnostics
{
    /// <summary>HLM430: nothing publishes the tunnel's CNAMEs.</summary>
    public static Diagnostic NoDnsProvider(IntegrationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Diagnostic.Warning(
            "HLM430", "No dns provider publishes the tunnel's host names",
            "Add a \"dns:\" section (provider cloudflare) so public names become proxied CNAMEs to <tunnel_id>.cfargotunnel.com, " +
            "or create those records yourself.",
            section.Config.Path, section.ProviderRange);
    }
}
