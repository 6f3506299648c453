using HomelabManager.Integrations.Vpn.WireGuard;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Commands.Vpn;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Published;

/// <summary>
/// <c>vpn peer add</c> through the NativeAOT binary: NSec (native libsodium, shipped as libsodium.so beside the binary)
/// derives keys and QRCoder draws the QR code without the JIT.
/// </summary>
public class PublishedVpnTests
{
    [Fact]
    public async Task Peer_add_generates_keys_and_a_QR_code_in_the_published_binary()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var lab = new TempHomelab().Write("homelab.yaml", VpnLab.Yaml);
        var environment = new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = vault.BaseAddress.ToString(),
            ["VAULT_TOKEN"] = VaultDouble.RootToken,
        };

        var result = PublishedBinary.Current.Run(lab.Directory, environment, "vpn", "peer", "add", "laptop");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("█", result.Error, StringComparison.Ordinal);
        var privateKey = result.Out.Split('\n').Single(l => l.StartsWith("PrivateKey = ", StringComparison.Ordinal))["PrivateKey = ".Length..];
        var yaml = await File.ReadAllTextAsync(Path.Combine(lab.Directory, "homelab.yaml"));
        Assert.Contains($"public_key: \"{WireGuardKeys.PublicKeyOf(privateKey)}\"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(privateKey, result.Error, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOMELAB_MANAGER_BINARY")))
        {
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(PublishedBinary.Current.Path)!, "libsodium.so")), "libsodium.so ships beside the binary");
        }
    }
}
