using System.Net;
using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Nodes.NixOs;
using HomelabManager.Secrets;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Commands.Vpn;

namespace HomelabManager.Tests.Nodes;

public class NixOsWireGuardTests
{
    private static int[] Ports(JsonElement module, string option) =>
        [.. module.GetProperty("networking").GetProperty("firewall").GetProperty(option).EnumerateArray().Select(p => p.GetInt32())];

    private static JsonElement Interfaces(JsonElement module) => module.GetProperty("networking").GetProperty("wireguard").GetProperty("interfaces");

    private static (string Key, string[] AllowedIps)[] Peers(JsonElement wireguardInterface) =>
        [.. wireguardInterface.GetProperty("peers").EnumerateArray()
            .Select(p => (p.GetProperty("publicKey").GetString()!, p.GetProperty("allowedIPs").EnumerateArray().Select(a => a.GetString()!).ToArray()))];

    private static WireGuardServer Server(string interfaceName, IEnumerable<WireGuardPeer> peers) => new(
        interfaceName,
        51820,
        [new WireGuardAddress(IPAddress.Parse("10.8.0.1"), 16)],
        new WireGuardEndpoint("vpn.example.com", 51820),
        VaultReference.Parse("vault:secret/wireguard#private_key"),
        [],
        [],
        25,
        [.. peers]);

    [RequiresNixFact]
    public async Task The_wireguard_homelab_opens_its_port_and_declares_the_interface_with_its_peers()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", VpnLab.Yaml);
        var result = await CliRunner.RunInAsync(lab.Directory, null, ["node", "nixos", "--dir", lab.Directory]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var module = Nix.EvaluateModuleText(result.Out);

        Assert.Equal([80, 443], Ports(module, "allowedTCPPorts"));
        Assert.Equal([51820], Ports(module, "allowedUDPPorts"));
        Assert.Contains("51820 # WireGuard wg0 (vpn provider wireguard)\n", result.Out, StringComparison.Ordinal);
        var wg0 = Interfaces(module).GetProperty("wg0");
        Assert.Equal(["wg0"], Interfaces(module).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["10.8.0.1/24", "fd08::1/64"], wg0.GetProperty("ips").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(51820, wg0.GetProperty("listenPort").GetInt32());
        Assert.Equal("/var/lib/wireguard/wg0.key", wg0.GetProperty("privateKeyFile").GetString());
        Assert.Equal(["ips", "listenPort", "peers", "privateKeyFile"], wg0.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var peer = Assert.Single(Peers(wg0));
        Assert.Equal("3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=", peer.Key);
        Assert.Equal(["10.8.0.2/32", "fd08::2/128"], peer.AllowedIps);
        Assert.DoesNotContain("PrivateKey =", result.Out, StringComparison.Ordinal);
    }

    [RequiresNixFact]
    public void Many_peers_come_out_sorted_by_name_with_exactly_their_keys()
    {
        var peers = Enumerable.Range(0, 300)
            .Select(i => new WireGuardPeer($"peer-{(i * 7919) % 300:D3}", WireGuardKeys.Generate().PublicKey, [new WireGuardAddress(IPAddress.Parse($"10.8.{(i / 200) + 1}.{(i % 200) + 2}"), 32)]))
            .ToList();
        var module = Nix.EvaluateModuleText(NixOsModuleGenerator.Generate(null, [], Server("wg-homelab", peers)));

        var expected = peers.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.PublicKey, p.Addresses.Select(a => a.ToString()).ToArray())).ToList();
        var actual = Peers(Interfaces(module).GetProperty("wg-homelab"));
        Assert.Equal(expected.Select(e => e.PublicKey), actual.Select(a => a.Key));
        Assert.Equal(expected.Select(e => e.Item2), actual.Select(a => a.AllowedIps));
        Assert.Equal([51820], Ports(module, "allowedUDPPorts"));
        Assert.Equal(NixOsModuleGenerator.Generate(null, [], Server("wg-homelab", peers)), NixOsModuleGenerator.Generate(null, [], Server("wg-homelab", Enumerable.Reverse(peers))));
    }

    [RequiresNixFact]
    public void Hostile_peer_and_interface_names_cannot_break_out()
    {
        string[] names =
        [
            "a\"; }; networking.firewall.enable = false; x = { y = \"",
            "${builtins.abort \"pwned\"}",
            "new\nline ]; listenPort = 1; #",
            "''${x}'' \\ \r\n\u2028 */",
        ];
        var peers = names.Select((n, i) => new WireGuardPeer(n, WireGuardKeys.Generate().PublicKey, [new WireGuardAddress(IPAddress.Parse($"10.8.0.{i + 2}"), 32)])).ToList();
        var hostileInterface = "wg0\"; evil = \"${builtins.abort \"pwned\"}";
        var text = NixOsModuleGenerator.Generate(null, [], Server(hostileInterface, peers));
        var module = Nix.EvaluateModuleText(text);

        Assert.Equal(["networking", "services", "virtualisation"], module.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["firewall", "wireguard"], module.GetProperty("networking").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal([hostileInterface], Interfaces(module).EnumerateObject().Select(p => p.Name));
        var wg = Interfaces(module).GetProperty(hostileInterface);
        Assert.Equal(51820, wg.GetProperty("listenPort").GetInt32());
        Assert.Equal(peers.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.PublicKey), Peers(wg).Select(p => p.Key));
    }
}
