using System.Text;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Nodes.NixOs;

/// <summary>
/// The NixOS side of the wireguard VPN: <c>networking.wireguard.interfaces.&lt;iface&gt;</c> with the server's
/// addresses, listen port, a private key <em>file</em> (the key itself stays in Vault) and every peer's public key and
/// allowed IPs, peers sorted by name. Every value goes through <see cref="NixText"/>.
/// </summary>
internal static class NixOsWireGuard
{
    /// <summary>The WireGuard server of a built homelab, or null when its vpn provider is not wireguard.</summary>
    public static WireGuardServer? ServerOf(IntegrationPlan? integrations) =>
        integrations is not null
        && integrations.Providers.GetValueOrDefault(IntegrationCategory.Vpn) is WireGuardProvider
        && integrations.Contexts.TryGetValue(IntegrationCategory.Vpn, out var context)
            ? WireGuardConfigReader.Read(context.Settings, new DiagnosticBag())
            : null;

    /// <summary>What the firewall comment says about the listen port.</summary>
    public static string PortReason(WireGuardServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return $"WireGuard {server.Interface} (vpn provider wireguard)";
    }

    /// <summary>Appends the interface block, indented for the module's top level.</summary>
    public static void Write(StringBuilder text, WireGuardServer server)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(server);
        var key = server.PrivateKey;
        text.Append("  # WireGuard server of the homelab (vpn provider wireguard); peers are added with `homelab-manager vpn peer add`.\n");
        text.Append("  # The private key is not in this file: put it in the key file (mode 0600) before switching, e.g.\n");
        text.Append("  #   vault kv get -mount=").Append(NixText.CommentText(key.Mount)).Append(" -field=").Append(NixText.CommentText(key.Key))
            .Append(' ').Append(NixText.CommentText(key.PathInMount)).Append(" > ").Append(NixText.CommentText(server.PrivateKeyFile)).Append('\n');
        text.Append("  networking.wireguard.interfaces.").Append(NixText.String(server.Interface)).Append(" = {\n");
        text.Append("    ips = ").Append(NixText.StringList(server.Addresses.Select(a => a.ToString()))).Append(";\n");
        text.Append("    listenPort = ").Append(NixText.Int(server.ListenPort)).Append(";\n");
        text.Append("    privateKeyFile = ").Append(NixText.String(server.PrivateKeyFile)).Append(";\n");
        var peers = server.Peers.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.PublicKey, StringComparer.Ordinal).ToList();
        if (peers.Count == 0)
        {
            text.Append("    peers = [ ];\n");
        }
        else
        {
            text.Append("    peers = [\n");
            foreach (var peer in peers)
            {
                text.Append("      { # ").Append(NixText.CommentText(peer.Name)).Append('\n');
                text.Append("        publicKey = ").Append(NixText.String(peer.PublicKey)).Append(";\n");
                text.Append("        allowedIPs = ").Append(NixText.StringList(peer.Addresses.Select(a => a.ToString()))).Append(";\n");
                text.Append("      }\n");
            }

            text.Append("    ];\n");
        }

        text.Append("  };\n");
    }
}
