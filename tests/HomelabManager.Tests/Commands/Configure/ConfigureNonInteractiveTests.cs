using System.Text.Json;
using HomelabManager.Configuration;
using HomelabManager.Tests.Cli;

namespace HomelabManager.Tests.Commands.Configure;

public class ConfigureNonInteractiveTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static string FileIn(TempHomelab lab) => Path.Combine(lab.Directory, "homelab.yaml");

    /// <summary>The file's Unix mode (on Windows, where there is none, the expected one).</summary>
    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? OwnerOnly : File.GetUnixFileMode(path);

    [Fact]
    public async Task Set_creates_a_file_that_loads_and_validates_with_mode_0600()
    {
        using var lab = new TempHomelab();
        var result = await ConfigureHarness.RunAsync(lab.Directory,
            "--set", "homelab.domain=lab.example.com",
            "--set", "reverse_proxy.provider=traefik",
            "--set", "reverse_proxy.config.acme_email=admin@lab.example.com",
            "--set", "auth.provider=authelia",
            "--set", "auth.config.jwt_secret=vault:secret/authelia#jwt_secret",
            "--set", "auth.config.session_secret=vault:secret/authelia#session_secret",
            "--set", "auth.config.storage_encryption_key=vault:secret/authelia#storage_encryption_key");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("created homelab.yaml", result.Out, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly, ModeOf(FileIn(lab)));
        Assert.Equal(["homelab.yaml"], lab.Files());
        var loaded = HomelabConfigurationLoader.Load(lab.Directory, DictionaryVariables.Empty);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        Assert.Equal("traefik", loaded.Configuration!.ReverseProxy!.Provider);
        Assert.Equal("lab.example.com", loaded.Configuration.Homelab.Domain);
        Assert.Contains("acme_email: admin@lab.example.com", File.ReadAllText(FileIn(lab)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_file_takes_key_value_lines_with_comments_and_set_wins()
    {
        using var lab = new TempHomelab()
            .Write("answers.env", "# my answers\nhomelab.domain=one.example.com\n\nreverse_proxy.provider=caddy\nreverse_proxy.config.acme_email=a@one.example.com\r\nreverse_proxy.config.http_port=8080\n");
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--answers", "answers.env", "--set", "homelab.domain=two.example.com");
        Assert.True(result.ExitCode == 0, result.Error);
        var text = File.ReadAllText(FileIn(lab));
        Assert.Contains("domain: two.example.com", text, StringComparison.Ordinal);
        Assert.Contains("provider: caddy", text, StringComparison.Ordinal);
        Assert.Contains("http_port: 8080", text, StringComparison.Ordinal);
        Assert.Contains("acme_email: a@one.example.com\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reverse_proxy.config.http_port=99999", "HLM702", "Expected a port number between 1 and 65535")]
    [InlineData("reverse_proxy.config.dashboard=maybe", "HLM702", "Expected true or false")]
    [InlineData("reverse_proxy.config.log_level=LOUD", "HLM702", "Expected one of \"DEBUG\", \"INFO\", \"WARN\", \"ERROR\"")]
    [InlineData("reverse_proxy.config.acme_email=not-an-email", "HLM702", "Expected an e-mail address")]
    [InlineData("reverse_proxy.config.http_prot=81", "HLM701", "Did you mean \"reverse_proxy.config.http_port\"?")]
    [InlineData("reverse_proxy.provider=trafik", "HLM702", "Did you mean \"traefik\"?")]
    [InlineData("auth.config.jwt_secret=${JWT_SECRET}", "HLM702", "write vault:PATH#KEY")]
    [InlineData("auth.config.jwt_secret=vault:secret-without-key", "HLM702", "Write vault:PATH#KEY")]
    [InlineData("auth.config.jwt_secret=hunter2-literal", "HLM702", "write vault:PATH#KEY")]
    [InlineData("auth.config.image=bad image", "HLM702", "Expected a container image")]
    [InlineData("homelab.domain=not a domain", "HLM702", "homelab.domain")]
    [InlineData("homelab.vault.kv_version=3", "HLM702", "1 or 2")]
    [InlineData("dns.config.zone=example.com", "HLM704", "No dns provider is configured")]
    [InlineData("nonsense.key=1", "HLM701", "Unknown key \"nonsense.key\"")]
    [InlineData("no-equals-sign", "HLM700", "Expected KEY=VALUE")]
    public async Task Every_bad_answer_is_a_diagnostic_at_the_argument_and_nothing_is_written(string argument, string code, string message)
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var before = File.ReadAllBytes(FileIn(lab));
        var modified = File.GetLastWriteTimeUtc(FileIn(lab));
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "homelab.domain=ok.example.com", "--set", argument);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--set:2:", result.Error, StringComparison.Ordinal);
        Assert.Contains($"[{code}]", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("homelab.yaml was not changed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(FileIn(lab)));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(FileIn(lab)));
        Assert.Equal(["homelab.yaml"], lab.Files());
    }

    [Fact]
    public async Task A_literal_secret_is_rejected_and_never_printed()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "dns.provider=cloudflare", "--set", "dns.config.api_token=s3cr3t-token-value");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--set:2:22: error: Invalid value for \"dns.config.api_token\"; Secrets are never written into homelab.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("dns.config.api_token=****", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_answers_exit_2_listing_every_key_without_prompting()
    {
        using var lab = new TempHomelab();
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "reverse_proxy.provider=traefik", "--set", "auth.provider=authelia");
        Assert.Equal(2, result.ExitCode);
        foreach (var key in new[] { "homelab.domain", "reverse_proxy.config.acme_email", "auth.config.jwt_secret", "auth.config.session_secret", "auth.config.storage_encryption_key" })
        {
            Assert.Contains($"Missing answer for \"{key}\"", result.Error, StringComparison.Ordinal);
        }

        Assert.Contains("5 errors", result.Error, StringComparison.Ordinal);
        Assert.Empty(lab.Files());
    }

    [Fact]
    public async Task No_answers_and_no_terminal_is_an_error_for_a_new_file()
    {
        using var lab = new TempHomelab();
        var result = await ConfigureHarness.RunAsync(lab.Directory);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Missing answer for \"homelab.domain\"", result.Error, StringComparison.Ordinal);
        Assert.Empty(lab.Files());
    }

    [Fact]
    public async Task A_result_validate_would_reject_is_not_written()
    {
        // Services ask for auth: removing the auth provider would make `validate` fail (HLM404).
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml)
            .Service("web", "service {\n  name = \"web\"\n  container {\n    image = \"nginx:1.27\"\n    ports = [{ internal = 80 }]\n  }\n  public_access = true\n  auth = true\n}\n");
        var before = File.ReadAllText(FileIn(lab));
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "auth.provider=none");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("[HLM404]", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(FileIn(lab)));
    }

    [Fact]
    public async Task Rerun_edits_one_value_and_keeps_every_other_byte_and_comment()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FileIn(lab), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "reverse_proxy.config.http_port=8080", "--set", "reverse_proxy.config.log_level=DEBUG");
        Assert.True(result.ExitCode == 0, result.Error);
        var expected = ConfigureHarness.ExampleYaml
            .Replace("    http_port: 80\n", "    http_port: 8080\n", StringComparison.Ordinal)
            .Replace("    # acme_ca_server: https://acme-staging-v02.api.letsencrypt.org/directory   # staging, for trying things out\n",
                "    # acme_ca_server: https://acme-staging-v02.api.letsencrypt.org/directory   # staging, for trying things out\n    log_level: DEBUG\n", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(FileIn(lab)));
        Assert.Equal(OwnerOnly, ModeOf(FileIn(lab)));
        Assert.Equal(["homelab.yaml"], lab.Files());
    }

    [Fact]
    public async Task Only_keys_whose_value_differs_are_reported_as_changed()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", "homelab:\n  domain: lab.example.com\n  datacenters: [dc1, dc2]\n");
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--output", "json",
            "--set", "homelab.domain=lab.example.com", "--set", "homelab.datacenters=dc1,dc2", "--set", "homelab.vault.role=lab-workloads");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["homelab.vault.role"], json.RootElement.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Changing_a_provider_replaces_its_config_and_reports_what_is_dropped_without_values()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--output", "json",
            "--set", "reverse_proxy.provider=caddy", "--set", "reverse_proxy.config.acme_email=certs@lab.example.com");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("written").GetBoolean());
        Assert.False(root.GetProperty("created").GetBoolean());
        Assert.Equal("caddy", root.GetProperty("providers").GetProperty("reverse_proxy").GetString());
        Assert.Equal("authelia", root.GetProperty("providers").GetProperty("auth").GetString());
        Assert.Equal(["reverse_proxy.config.acme_email", "reverse_proxy.config.http_port", "reverse_proxy.config.https_port", "reverse_proxy.config.dashboard"],
            root.GetProperty("dropped").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["reverse_proxy.provider", "reverse_proxy.config.acme_email"], root.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("certs@", result.Out, StringComparison.Ordinal);

        var text = File.ReadAllText(FileIn(lab));
        Assert.Contains("  provider: caddy                # traefik | nginx | caddy\n  config:\n    acme_email: certs@lab.example.com\n\n# Auth:", text, StringComparison.Ordinal);
        var auth = ConfigureHarness.ExampleYaml[ConfigureHarness.ExampleYaml.IndexOf("# Auth:", StringComparison.Ordinal)..];
        Assert.EndsWith(auth, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unchanged_answers_write_nothing()
    {
        using var lab = new TempHomelab().Write("homelab.yaml", ConfigureHarness.ExampleYaml);
        var modified = File.GetLastWriteTimeUtc(FileIn(lab));
        var result = await ConfigureHarness.RunAsync(lab.Directory, "--set", "reverse_proxy.provider=traefik", "--set", "homelab.domain=lab.example.com");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("nothing written", result.Out, StringComparison.Ordinal);
        Assert.Equal(modified, File.GetLastWriteTimeUtc(FileIn(lab)));
    }

    [Fact]
    public async Task Registered_in_the_cli()
    {
        using var lab = new TempHomelab();
        var result = await CliRunner.RunInAsync(lab.Directory, null, "configure", "--set", "homelab.domain=lab.example.com");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("lab.example.com", HomelabConfigurationLoader.Load(lab.Directory, DictionaryVariables.Empty).Configuration!.Homelab.Domain);
    }
}
