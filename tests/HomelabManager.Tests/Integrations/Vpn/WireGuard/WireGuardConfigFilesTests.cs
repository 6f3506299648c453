using HomelabManager.Integrations.Templates;
using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Integrations.Vpn.WireGuard;

public class WireGuardConfigFilesTests
{
    private static string Vector(string name) => File.ReadAllText(Path.Combine(Wg.Vectors, name));

    [RequiresWireGuardVectorsFact]
    public void Server_config_matches_the_alice_vector_and_survives_wg_quick_strip()
    {
        var server = WireGuardKit.Server(WireGuardKit.VectorConfig);
        var (alicePrivate, _, _) = Wg.VectorKeys("alice");
        var config = WireGuardConfigFiles.RenderServer(new TemplateRenderer(), server, alicePrivate, "test");

        Assert.Equal(Wg.Meaningful(Vector("wg0-alice.conf")), Wg.Meaningful(config));
        var stripped = Wg.Strip(config);
        Assert.Equal(Wg.Meaningful(Vector("wg0-alice.stripped.conf")), Wg.Meaningful(stripped));
        Assert.Contains("# bob", stripped, StringComparison.Ordinal); // comments are kept by strip
    }

    [RequiresWireGuardVectorsFact]
    public void Peer_config_matches_the_bob_vector_and_survives_wg_quick_strip()
    {
        var server = WireGuardKit.Server(WireGuardKit.VectorConfig);
        var (bobPrivate, _, _) = Wg.VectorKeys("bob");
        var (_, _, alicePublic) = Wg.VectorKeys("alice");
        var config = WireGuardConfigFiles.RenderPeer(new TemplateRenderer(), server, server.Peers.Single(), bobPrivate, alicePublic);

        Assert.Equal(Wg.Meaningful(Vector("wg0-bob.conf")), Wg.Meaningful(config));
        Assert.Equal(Wg.Meaningful(Vector("wg0-bob.stripped.conf")), Wg.Meaningful(Wg.Strip(config)));
    }

    [RequiresWgFact]
    public void Many_peers_render_sorted_and_wg_quick_strip_keeps_every_peer()
    {
        var peers = Enumerable.Range(2, 40).Select(i => (Name: $"peer-{(char)('z' - (i % 26))}{i}", Pair: WireGuardKeys.Generate(), Host: i)).ToList();
        var config = "address: 10.8.0.1/24\nendpoint: vpn.example.com\npeers:\n"
            + string.Concat(peers.Select(p => $"  - name: {p.Name}\n    public_key: {p.Pair.PublicKey}\n    address: 10.8.0.{p.Host}\n"));
        var server = WireGuardKit.Server(config);
        var rendered = WireGuardConfigFiles.RenderServer(new TemplateRenderer(), server, WireGuardKeys.Generate().PrivateKey, "test");
        var stripped = Wg.Strip(rendered);

        var names = rendered.Split('\n').Where(l => l.StartsWith("# peer-", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        Assert.Equal(peers.Select(p => p.Name).Order(StringComparer.Ordinal), names);
        Assert.Equal(40, stripped.Split('\n').Count(l => l == "[Peer]"));
        Assert.DoesNotContain("Address", stripped, StringComparison.Ordinal);
        Assert.All(peers, p => Assert.Contains($"PublicKey = {p.Pair.PublicKey}\nAllowedIPs = 10.8.0.{p.Host}/32\n", stripped, StringComparison.Ordinal));
    }

    [Fact]
    public void Vault_read_is_a_consul_template_action_for_kv_v1_and_v2()
    {
        var reference = VaultReference.Parse("vault:secret/wireguard#private_key");
        Assert.Equal("{{ with secret \"secret/data/wireguard\" }}{{ index .Data.data \"private_key\" }}{{ end }}",
            WireGuardConfigFiles.VaultRead(reference, new VaultSecretOptions()));
        Assert.Equal("{{ with secret \"secret/wireguard\" }}{{ index .Data \"private_key\" }}{{ end }}",
            WireGuardConfigFiles.VaultRead(reference, new VaultSecretOptions { DefaultKvVersion = VaultKvVersion.V1 }));
    }

    [Fact]
    public void Keepalive_0_and_no_dns_leave_those_lines_out()
    {
        var server = WireGuardKit.Server("address: 10.8.0.1/24\nendpoint: \"[2001:db8::1]\"\npersistent_keepalive: 0\npeer_allowed_ips: 0.0.0.0/0, ::/0");
        var pair = WireGuardKeys.Generate();
        var peer = new WireGuardPeer("laptop", pair.PublicKey, [new WireGuardAddress(System.Net.IPAddress.Parse("10.8.0.2"), 32)]);
        var config = WireGuardConfigFiles.RenderPeer(new TemplateRenderer(), server, peer, pair.PrivateKey, WireGuardKit.AliceKey);

        Assert.DoesNotContain("DNS", config, StringComparison.Ordinal);
        Assert.DoesNotContain("PersistentKeepalive", config, StringComparison.Ordinal);
        Assert.Contains("AllowedIPs = 0.0.0.0/0, ::/0\nEndpoint = [2001:db8::1]:51820\n", config, StringComparison.Ordinal);
        Assert.Equal(["[Interface]", $"PrivateKey = {pair.PrivateKey}", "Address = 10.8.0.2/32", "[Peer]", $"PublicKey = {WireGuardKit.AliceKey}",
            "AllowedIPs = 0.0.0.0/0, ::/0", "Endpoint = [2001:db8::1]:51820"], Wg.Meaningful(WireGuardConfigFiles.WithoutComments(config)));
    }
}
