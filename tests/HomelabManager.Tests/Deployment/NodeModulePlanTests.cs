using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Nodes.NixOs;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary><c>plan</c> tells when a NixOS module kept in the homelab folder must be regenerated.</summary>
public sealed class NodeModulePlanTests
{
    [RequiresNomadSchemaFact]
    public async Task Plan_says_a_kept_module_is_stale_once_a_service_publishes_a_new_port()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var module = Path.Combine(cluster.Homelab.Directory, "nixos", "homelab.nix");
        var written = await cluster.RunAsync("node", "nixos", "--out", module);
        Assert.True(written.ExitCode == ExitCodes.Ok, written.Out + written.Error);
        Assert.Equal(GeneratedModuleFiles.HeaderLine, File.ReadLines(module).First());

        var fresh = await cluster.RunAsync("plan");
        Assert.True(fresh.ExitCode == ExitCodes.Ok, fresh.Out + fresh.Error);
        Assert.DoesNotContain("must be regenerated", fresh.Out, StringComparison.Ordinal);

        cluster.Homelab.Service("dns", """
            service {
              name = "dns"
              container {
                image = "pihole/pihole:2024.07.0"
                ports = [{ internal = 80 }, { internal = 53, external = 5353, protocol = "udp" }]
              }
            }
            """);
        var text = await cluster.RunAsync("plan");
        Assert.True(text.ExitCode == ExitCodes.Ok, text.Out + text.Error);
        Assert.Contains("NixOS module nixos/homelab.nix must be regenerated", text.Out, StringComparison.Ordinal);
        Assert.Contains("+9:     5353 # dns", text.Out, StringComparison.Ordinal);
        Assert.Contains("homelab-manager node nixos --out nixos/homelab.nix", text.Out, StringComparison.Ordinal);

        var json = await cluster.RunAsync("plan", "--output", "json");
        using var document = JsonDocument.Parse(json.Out);
        var stale = Assert.Single(document.RootElement.GetProperty("staleNodeModules").EnumerateArray());
        Assert.Equal("nixos/homelab.nix", stale.GetProperty("path").GetString());
        Assert.Contains(stale.GetProperty("changes").EnumerateArray(), l => l.GetString()!.EndsWith("5353 # dns", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_files_that_node_nixos_wrote_are_compared()
    {
        using var homelab = new Commands.TempHomelab();
        var own = Path.Combine(homelab.Directory, "hosts", "node1", "homelab.nix");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        File.WriteAllText(own, GeneratedModuleFiles.HeaderLine + "\n{ }\n");
        File.WriteAllText(Path.Combine(homelab.Directory, "configuration.nix"), "{ config, ... }: { }\n");
        Directory.CreateDirectory(Path.Combine(homelab.Directory, "services", "x"));
        File.WriteAllText(Path.Combine(homelab.Directory, "services", "x", "copy.nix"), GeneratedModuleFiles.HeaderLine + "\n");

        Assert.Equal([own], GeneratedModuleFiles.Find(homelab.Directory));
    }
}
