using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Configuration;

/// <summary>The bundled example homelab (<c>examples/homelab</c>) stays valid.</summary>
public class ExampleHomelabTests
{
    private static string ExampleDirectory() => RepositoryPaths.ExampleHomelab;

    [Fact]
    public void Example_homelab_yaml_loads_without_any_diagnostic()
    {
        var result = HomelabConfigurationLoader.Load(ExampleDirectory(), DictionaryVariables.Empty);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        var configuration = result.Configuration!;
        Assert.Equal("lab.example.com", configuration.Homelab.Domain);
        Assert.Equal(VaultSettings.Default, configuration.Homelab.Vault);
        Assert.Equal("traefik", configuration.ReverseProxy!.Provider);
        Assert.Equal("authelia", configuration.Auth!.Provider);
        // DNS and VPN providers are not in this version: their sections are comments.
        Assert.Null(configuration.Dns);
        Assert.Null(configuration.Vpn);
    }

    [Fact]
    public void Every_provider_setting_resolves_with_the_variables_of_env_example()
    {
        var directory = ExampleDirectory();
        var diagnostics = new DiagnosticBag();
        var dotEnv = DotEnvFile.Parse(SourceText.FromFile(Path.Combine(directory, ".env.example")), diagnostics);
        Assert.Empty(diagnostics);

        var result = HomelabConfigurationLoader.Load(directory, DictionaryVariables.Empty);
        var vaultReferences = 0;
        foreach (var section in result.Configuration!.Integrations)
        {
            foreach (var entry in section.Config.Entries)
            {
                var scalar = Assert.IsType<ConfigScalar>(entry.Value);
                var text = scalar.Resolve(dotEnv, diagnostics);
                Assert.NotNull(text);
                if (VaultReference.HasPrefix(text))
                {
                    Assert.True(VaultReference.TryParse(text, out _), scalar.KeyPath);
                    vaultReferences++;
                }
            }
        }

        Assert.Empty(diagnostics);
        Assert.Equal(3, vaultReferences);
    }

    [Fact]
    public void Example_ships_env_example_but_no_env()
    {
        var directory = ExampleDirectory();
        Assert.True(File.Exists(Path.Combine(directory, ".env.example")));
        Assert.False(File.Exists(Path.Combine(directory, ".env")));
    }

    [Fact]
    public void Every_service_folder_has_a_service_hcl_named_after_it()
    {
        var services = Path.Combine(ExampleDirectory(), "services");
        var folders = Directory.GetDirectories(services).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["jellyfin", "nextcloud", "pihole", "plex", "postgres", "uptime-kuma", "vaultwarden"], folders);
        foreach (var folder in folders)
        {
            var text = File.ReadAllText(Path.Combine(services, folder!, "service.hcl"));
            Assert.Matches($"name\\s*=\\s*\"{folder}\"", text);
            Assert.Matches("image\\s*=\\s*\"[^\"]+:[^\"]+\"", text);
        }

        Assert.True(File.Exists(Path.Combine(services, "README.md")));
    }

    [Fact]
    public void Nextcloud_is_the_specification_example_verbatim()
    {
        var text = File.ReadAllText(Path.Combine(ExampleDirectory(), "services", "nextcloud", "service.hcl")).ReplaceLineEndings("\n");
        Assert.Contains(SpecExamples.Nextcloud.ReplaceLineEndings("\n") + "\n", text, StringComparison.Ordinal);
    }
}
