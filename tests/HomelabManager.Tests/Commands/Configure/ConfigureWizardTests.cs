using HomelabManager.Configuration;
using HomelabManager.Integrations;

namespace HomelabManager.Tests.Commands.Configure;

/// <summary>The interactive wizard, answered key by key through Spectre's TestConsole.</summary>
public class ConfigureWizardTests
{
    private static string FileIn(TempHomelab lab) => Path.Combine(lab.Directory, "homelab.yaml");

    [Fact]
    public async Task Full_run_asks_everything_reprompts_on_bad_input_and_never_echoes_secrets()
    {
        using var lab = new TempHomelab();
        var console = ConfigureHarness.Terminal();
        console.Input.PushTextWithEnter("not a domain!");     // rejected, asked again
        console.Input.PushTextWithEnter("lab.example.com");
        console.Input.PushKey(ConsoleKey.Enter);                // datacenters: *
        console.Input.PushKey(ConsoleKey.Enter);                // keep the Vault defaults
        ConfigureHarness.Choose(console, IntegrationCategory.Vpn, "none");
        ConfigureHarness.Choose(console, IntegrationCategory.Dns, "none");
        ConfigureHarness.Choose(console, IntegrationCategory.ReverseProxy, "traefik");
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.ReverseProxy, "traefik",
            ("acme_email", ["nobody", "admin@lab.example.com"]),
            ("http_port", ["99999", "8080"]),
            ("log_level", ["LOUD", "WARN"]));
        ConfigureHarness.Choose(console, IntegrationCategory.Auth, "authelia");
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.Auth, "authelia",
            ("jwt_secret", ["hunter2-literal", "vault:secret/sso#jwt-typed"]));

        var result = await ConfigureHarness.RunAsync(lab.Directory, console);

        Assert.True(result.ExitCode == 0, result.Error + console.Output);
        var shown = console.Output;
        Assert.Contains("Write a DNS name such as", shown, StringComparison.Ordinal);
        Assert.Contains("Expected an e-mail address", shown, StringComparison.Ordinal);
        Assert.Contains("Expected a port number between 1 and 65535", shown, StringComparison.Ordinal);
        Assert.Contains("Choose one of: DEBUG, INFO, WARN, ERROR", shown, StringComparison.Ordinal);
        Assert.Contains("A job reads this secret from Vault at run time", shown, StringComparison.Ordinal);
        foreach (var provider in IntegrationRegistry.Default.Providers)
        {
            Assert.Contains(provider.Description, shown, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hunter2", shown + result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("jwt-typed", shown + result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains("created homelab.yaml", result.Out, StringComparison.Ordinal);

        var text = File.ReadAllText(FileIn(lab));
        Assert.Contains("  domain: lab.example.com\n", text, StringComparison.Ordinal);
        Assert.Contains("reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: admin@lab.example.com\n    http_port: 8080\n    log_level: WARN\n", text, StringComparison.Ordinal);
        Assert.Contains("    jwt_secret: vault:secret/sso#jwt-typed\n    session_secret: vault:secret/authelia#session_secret\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("image:", text, StringComparison.Ordinal); // defaults are not written
        Assert.DoesNotContain("vpn:", text, StringComparison.Ordinal);
        var loaded = HomelabConfigurationLoader.Load(lab.Directory, DictionaryVariables.Empty);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
    }

    [Fact]
    public async Task Rerun_with_every_default_keeps_the_file_byte_for_byte()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var console = ConfigureHarness.Terminal();
        console.Input.PushKey(ConsoleKey.Enter); // domain kept
        console.Input.PushKey(ConsoleKey.Enter); // vpn: none
        console.Input.PushKey(ConsoleKey.Enter); // dns: none
        console.Input.PushKey(ConsoleKey.Enter); // reverse_proxy: traefik, preselected as current
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.ReverseProxy, "traefik");
        console.Input.PushKey(ConsoleKey.Enter); // auth: authelia, preselected as current
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.Auth, "authelia");

        var result = await ConfigureHarness.RunAsync(lab.Directory, console);

        Assert.True(result.ExitCode == 0, result.Error + console.Output);
        Assert.Contains("nothing written", result.Out, StringComparison.Ordinal);
        Assert.Equal(ConfigureHarness.ExampleYaml, File.ReadAllText(FileIn(lab)));
        Assert.DoesNotContain("vault:secret/authelia", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_offers_current_values_as_defaults_and_changes_only_what_is_typed()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var console = ConfigureHarness.Terminal();
        console.Input.PushTextWithEnter("home.example.org");
        console.Input.PushKey(ConsoleKey.Enter); // vpn: none
        console.Input.PushKey(ConsoleKey.Enter); // dns: none
        console.Input.PushKey(ConsoleKey.Enter); // reverse_proxy: traefik (current)
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.ReverseProxy, "traefik", ("https_port", ["8443"]));
        console.Input.PushKey(ConsoleKey.Enter); // auth: authelia (current)
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.Auth, "authelia");

        var result = await ConfigureHarness.RunAsync(lab.Directory, console);

        Assert.True(result.ExitCode == 0, result.Error + console.Output);
        Assert.Contains("(lab.example.com)", console.Output, StringComparison.Ordinal);
        Assert.Contains("(admin@lab.example.com)", console.Output, StringComparison.Ordinal);
        var expected = ConfigureHarness.ExampleYaml
            .Replace("  domain: lab.example.com", "  domain: home.example.org", StringComparison.Ordinal)
            .Replace("    https_port: 443\n", "    https_port: 8443\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(FileIn(lab)));
    }

    [Fact]
    public async Task Changing_a_provider_says_what_is_dropped_and_replaces_its_config()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var console = ConfigureHarness.Terminal();
        console.Input.PushKey(ConsoleKey.Enter);
        ConfigureHarness.Choose(console, IntegrationCategory.Vpn, "none");
        ConfigureHarness.Choose(console, IntegrationCategory.Dns, "none");
        ConfigureHarness.Choose(console, IntegrationCategory.ReverseProxy, "caddy", current: "traefik");
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.ReverseProxy, "caddy", ("acme_email", ["certs@lab.example.com"]), ("http_port", ["8080"]));
        console.Input.PushKey(ConsoleKey.Enter);
        ConfigureHarness.AnswerOptions(console, IntegrationCategory.Auth, "authelia");

        var result = await ConfigureHarness.RunAsync(lab.Directory, console);

        Assert.True(result.ExitCode == 0, result.Error + console.Output);
        Assert.Contains("Switching reverse_proxy from traefik to caddy replaces its config; dropped: acme_email, http_port, https_port, dashboard", console.Output, StringComparison.Ordinal);
        Assert.Contains("dropped reverse_proxy.config.dashboard", result.Out, StringComparison.Ordinal);
        var text = File.ReadAllText(FileIn(lab));
        Assert.Contains("  provider: caddy                # traefik | nginx | caddy\n  config:\n    acme_email: certs@lab.example.com\n    http_port: 8080\n\n# Auth:", text, StringComparison.Ordinal);
        var head = ConfigureHarness.ExampleYaml[..ConfigureHarness.ExampleYaml.IndexOf("  provider: traefik", StringComparison.Ordinal)];
        var tail = ConfigureHarness.ExampleYaml[ConfigureHarness.ExampleYaml.IndexOf("\n# Auth:", StringComparison.Ordinal)..];
        Assert.StartsWith(head, text, StringComparison.Ordinal);
        Assert.EndsWith(tail, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_terminal_given_answers_only_ask_what_is_missing()
    {
        using var lab = new TempHomelab();
        var console = ConfigureHarness.Terminal();
        console.Input.PushTextWithEnter("lab.example.com");
        console.Input.PushTextWithEnter("ops@lab.example.com");
        var result = await ConfigureHarness.RunAsync(lab.Directory, console, "--set", "reverse_proxy.provider=traefik");
        Assert.True(result.ExitCode == 0, result.Error + console.Output);
        Assert.Contains("acme_email: ops@lab.example.com", File.ReadAllText(FileIn(lab)), StringComparison.Ordinal);
    }
}
