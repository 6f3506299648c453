using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Tests.Cli;

namespace HomelabManager.Tests.Commands.Vpn;

public sealed class VpnPeerCommandTests
{
    [Fact]
    public async Task Peer_add_keeps_the_private_key_in_Vault_and_the_printed_config_only()
    {
        await using var lab = await VpnLab.StartAsync();
        var add = await lab.RunAsync("vpn", "peer", "add", "laptop", "-v");
        Assert.True(add.ExitCode == ExitCodes.Ok, add.Error);

        var peerKey = await lab.ReadAsync("wireguard/peers/laptop", "private_key");
        var serverKey = await lab.ReadAsync("wireguard", "private_key");
        Assert.True(WireGuardKeys.IsKey(peerKey) && WireGuardKeys.IsKey(serverKey));
        var peerPublic = WireGuardKeys.PublicKeyOf(peerKey!);
        Assert.Equal(peerPublic, await lab.ReadAsync("wireguard/peers/laptop", "public_key"));

        // The config on stdout: the peer's key, its next free addresses, the server's public key.
        Assert.Contains($"PrivateKey = {peerKey}\nAddress = 10.8.0.3/32, fd08::3/128\nDNS = 10.8.0.1\n", add.Out, StringComparison.Ordinal);
        Assert.Contains($"PublicKey = {WireGuardKeys.PublicKeyOf(serverKey!)}\nAllowedIPs = 10.8.0.0/24, fd08::/64\nEndpoint = vpn.lab.example.com:51820\nPersistentKeepalive = 25\n", add.Out, StringComparison.Ordinal);

        // The QR code and the report on stderr; no key there, even with -v tracing every request.
        Assert.Contains("█▀", add.Error, StringComparison.Ordinal);
        Assert.Contains("added peer laptop (10.8.0.3/32, fd08::3/128)", add.Error, StringComparison.Ordinal);
        Assert.Contains("created the server's key pair in Vault (vault:secret/wireguard#private_key)", add.Error, StringComparison.Ordinal);
        Assert.Contains("/v1/secret/data/wireguard", add.Error, StringComparison.Ordinal); // -v traced the requests
        Assert.DoesNotContain(peerKey!, add.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonEncodedText.Encode(peerKey!).ToString(), add.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(serverKey!, add.Error + add.Out, StringComparison.Ordinal);

        // homelab.yaml: the peer appended, everything else as it was, mode 0600; no file holds a private key.
        var yaml = await File.ReadAllTextAsync(lab.YamlPath);
        var appended = $"    - name: \"laptop\"\n        public_key: \"{peerPublic}\"\n        address: \"10.8.0.3/32, fd08::3/128\"\n";
        Assert.Equal(VpnLab.Yaml.Replace("address: 10.8.0.2, fd08::2\n", "address: 10.8.0.2, fd08::2\n  " + appended, StringComparison.Ordinal), yaml);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(lab.YamlPath));
        }

        foreach (var file in lab.Homelab.Files())
        {
            var text = await File.ReadAllTextAsync(Path.Combine(lab.Homelab.Directory, file));
            Assert.DoesNotContain(peerKey!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(serverKey!, text, StringComparison.Ordinal);
        }

        // The peer key travelled in exactly one request: its write to Vault.
        var escaped = JsonEncodedText.Encode(peerKey!).ToString(); // '+' and '/' are escaped in JSON bodies
        var carrying = lab.Vault.Requests.All
            .Where(r => r.Body.Contains(peerKey!, StringComparison.Ordinal) || r.Body.Contains(escaped, StringComparison.Ordinal) || r.ToString().Contains(peerKey!, StringComparison.Ordinal))
            .ToList();
        Assert.Equal(("POST", "/v1/secret/data/wireguard/peers/laptop"), (Assert.Single(carrying).Method, carrying[0].Path));

        // The same name again is refused before anything is written; the homelab stays valid.
        var writes = lab.Vault.Requests.All.Count(r => r.Method == "POST");
        var again = await lab.RunAsync("vpn", "peer", "add", "laptop");
        Assert.Equal(ExitCodes.InvalidInput, again.ExitCode);
        Assert.Contains("a peer named 'laptop' is already in homelab.yaml", again.Error, StringComparison.Ordinal);
        Assert.Equal(writes, lab.Vault.Requests.All.Count(r => r.Method == "POST"));
        Assert.Equal(yaml, await File.ReadAllTextAsync(lab.YamlPath));
        Assert.Equal(ExitCodes.Ok, (await lab.RunAsync("validate")).ExitCode);
    }

    [Fact]
    public async Task A_second_peer_reuses_the_server_key_and_takes_the_next_address()
    {
        await using var lab = await VpnLab.StartAsync();
        Assert.Equal(ExitCodes.Ok, (await lab.RunAsync("vpn", "peer", "add", "laptop")).ExitCode);
        var serverKey = await lab.ReadAsync("wireguard", "private_key");

        var second = await lab.RunAsync("vpn", "peer", "add", "tablet", "-o", "json");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Error);
        using var report = JsonDocument.Parse(second.Out);
        Assert.False(report.RootElement.GetProperty("serverKeyCreated").GetBoolean());
        Assert.Equal(["10.8.0.4/32", "fd08::4/128"], report.RootElement.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("vault:secret/wireguard/peers/tablet#private_key", report.RootElement.GetProperty("privateKeyVault").GetString());
        Assert.Equal(serverKey, await lab.ReadAsync("wireguard", "private_key"));
        Assert.Contains($"PublicKey = {WireGuardKeys.PublicKeyOf(serverKey!)}", report.RootElement.GetProperty("config").GetString(), StringComparison.Ordinal);

        var explicitAddress = await lab.RunAsync("vpn", "peer", "add", "desk", "--address", "10.8.0.200");
        Assert.True(explicitAddress.ExitCode == ExitCodes.Ok, explicitAddress.Error);
        Assert.Contains("Address = 10.8.0.200/32\n", explicitAddress.Out, StringComparison.Ordinal);

        var list = await lab.RunAsync("vpn", "peer", "list", "-o", "json");
        using var peers = JsonDocument.Parse(list.Out);
        Assert.Equal(["phone", "laptop", "tablet", "desk"], peers.RootElement.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("--address", "10.8.0.2", "already the address of peer 'phone'")]
    [InlineData("--address", "10.9.0.2", "outside the VPN network")]
    [InlineData("--address", "10.8.0.1", "the server's own address")]
    [InlineData("--address", "10.8.0.0/25", "one host")]
    [InlineData("--address", "nonsense", "Expected an IP address")]
    public async Task Bad_addresses_are_refused_with_exit_2_before_Vault_is_touched(string option, string value, string message)
    {
        await using var lab = await VpnLab.StartAsync();
        var result = await lab.RunAsync("vpn", "peer", "add", "laptop", option, value);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(lab.Vault.Requests.All);
        Assert.Equal(VpnLab.Yaml, await File.ReadAllTextAsync(lab.YamlPath));
    }

    [Fact]
    public async Task Without_a_wireguard_section_the_vpn_commands_exit_2_with_a_diagnostic()
    {
        await using var lab = await VpnLab.StartAsync("homelab:\n  domain: lab.example.com\n");
        var result = await lab.RunAsync("vpn", "peer", "add", "laptop");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("No vpn provider is configured", result.Error, StringComparison.Ordinal);
        Assert.Contains("[HLM444]", result.Error, StringComparison.Ordinal);
        Assert.Empty(lab.Vault.Requests.All);
    }

    [Fact]
    public async Task Peer_remove_takes_the_peer_out_and_keeps_the_rest()
    {
        await using var lab = await VpnLab.StartAsync();
        var removed = await lab.RunAsync("vpn", "peer", "remove", "phone");
        Assert.True(removed.ExitCode == ExitCodes.Ok, removed.Error);
        Assert.Contains("its private key is still in vault", removed.Out.ToLowerInvariant(), StringComparison.Ordinal);
        var yaml = await File.ReadAllTextAsync(lab.YamlPath);
        Assert.Equal(VpnLab.Yaml.Replace(
            "      - name: phone   # Anna's phone\n        public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=\n        address: 10.8.0.2, fd08::2\n",
            string.Empty, StringComparison.Ordinal), yaml);

        var missing = await lab.RunAsync("vpn", "peer", "remove", "phone");
        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Empty(lab.Vault.Requests.All);

        // The emptied list takes a new peer again.
        var add = await lab.RunAsync("vpn", "peer", "add", "phone");
        Assert.True(add.ExitCode == ExitCodes.Ok, add.Error);
        Assert.Contains("Address = 10.8.0.2/32, fd08::2/128\n", add.Out, StringComparison.Ordinal);
    }
}
