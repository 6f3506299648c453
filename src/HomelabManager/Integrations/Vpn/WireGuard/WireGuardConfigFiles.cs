using System.Globalization;
using HomelabManager.Configuration;
using HomelabManager.Integrations.Templates;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// The wg-quick configs of the VPN, rendered from the provider's templates (<c>server.conf.hbs</c>,
/// <c>peer.conf.hbs</c>; a homelab's <c>templates/vpn/wireguard/</c> copies win). Every inserted value was parsed and
/// written back by us (keys, addresses, names, host names), so none can add a line or a key.
/// </summary>
internal static class WireGuardConfigFiles
{
    /// <summary>The provider's source folder (template resources).</summary>
    public const string Folder = "Vpn/WireGuard";

    /// <summary>Where the server template goes in the rendered files: <c>integrations/vpn/wireguard/&lt;iface&gt;.conf.ctmpl</c>.</summary>
    public static string ServerFilePath(WireGuardServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return $"integrations/vpn/wireguard/{server.Interface}.conf.ctmpl";
    }

    /// <summary>
    /// The consul-template action that reads the server's private key from Vault when the template is rendered
    /// (KV v2: <c>mount/data/path</c>, <c>.Data.data</c>).
    /// </summary>
    public static string VaultRead(VaultReference reference, VaultSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var v2 = options.KvVersionOf(reference.Mount) == VaultKvVersion.V2;
        var path = v2 ? $"{reference.Mount}/data/{reference.PathInMount}" : reference.Path;
        return "{{ with secret " + GoTemplateText.StringLiteral(path) + " }}{{ index " + (v2 ? ".Data.data" : ".Data") + " "
            + GoTemplateText.StringLiteral(reference.Key) + " }}{{ end }}";
    }

    /// <summary>
    /// The server's config. <paramref name="privateKey"/> is what goes after <c>PrivateKey =</c>: the
    /// <see cref="VaultRead"/> action (the rendered file), or a key (tests, a node's own rendering).
    /// </summary>
    public static string RenderServer(TemplateRenderer templates, WireGuardServer server, string privateKey, string privateKeyNote)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(server);
        var model = new Dictionary<string, object?>
        {
            ["interface"] = server.Interface,
            ["privateKey"] = SingleLine(privateKey),
            ["privateKeyNote"] = SingleLine(privateKeyNote),
            ["address"] = WireGuardAddress.Join(server.Addresses),
            ["listenPort"] = server.ListenPort.ToString(CultureInfo.InvariantCulture),
            ["peers"] = server.Peers
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => (object?)new Dictionary<string, object?>
                {
                    ["name"] = p.Name,
                    ["publicKey"] = p.PublicKey,
                    ["allowedIps"] = WireGuardAddress.Join(p.Addresses),
                })
                .ToList(),
        };
        return templates.Render(IntegrationCategory.Vpn, WireGuardProvider.ProviderName, Folder, "server.conf.hbs", model);
    }

    /// <summary>The config a peer imports: its private key, its address, and the server to dial. Holds a secret: print it once, never log it.</summary>
    public static string RenderPeer(TemplateRenderer templates, WireGuardServer server, WireGuardPeer peer, string privateKey, string serverPublicKey)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(peer);
        if (!WireGuardKeys.IsKey(privateKey) || !WireGuardKeys.IsKey(serverPublicKey))
        {
            throw new InvalidOperationException("a WireGuard key is not 32 bytes of base64");
        }

        // wg-quick routes AllowedIPs through the tunnel, so the peer's own address is one host (/32, /128).
        var model = new Dictionary<string, object?>
        {
            ["name"] = peer.Name,
            ["interface"] = server.Interface,
            ["privateKey"] = privateKey,
            ["address"] = WireGuardAddress.Join(peer.Addresses),
            ["dns"] = server.Dns.Count == 0 ? null : string.Join(", ", server.Dns),
            ["serverPublicKey"] = serverPublicKey,
            ["allowedIps"] = WireGuardAddress.Join(server.PeerAllowedIps),
            ["endpoint"] = server.Endpoint.ToString(),
            ["keepalive"] = server.PersistentKeepalive == 0 ? null : server.PersistentKeepalive.ToString(CultureInfo.InvariantCulture),
        };
        return templates.Render(IntegrationCategory.Vpn, WireGuardProvider.ProviderName, Folder, "peer.conf.hbs", model);
    }

    /// <summary>The config without comment lines and blank lines between sections kept: what goes into a QR code.</summary>
    public static string WithoutComments(string config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lines = config.Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        return string.Join('\n', lines).Trim('\n') + "\n";
    }

    private static string SingleLine(string text) =>
        text.Any(char.IsControl) ? throw new InvalidOperationException("a WireGuard config value spans lines") : text;
}
