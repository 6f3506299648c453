using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using static HomelabManager.Tests.Configuration.LoaderTestHelpers;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Configuration;

public class PlaceholderTests
{
    private const string Secret = "SUPERSECRET-do-not-print";

    private static ConfigScalar ConfigValue(ConfigurationLoadResult result, string key) =>
        Assert.IsType<ConfigScalar>(result.Configuration!.Dns!.Config.Find(key));

    private static ConfigurationLoadResult WithDnsConfig(string configLines, params (string, string)[] variables) =>
        Parse("homelab:\n  domain: lab.example.com\ndns:\n  provider: cloudflare\n  config:\n" + configLines, variables);

    [Fact]
    public void Homelab_values_are_resolved_at_load()
    {
        var result = Parse("homelab:\n  domain: ${DOMAIN}\n  datacenters: [\"${DC}\"]\n", ("DOMAIN", "lab.example.com"), ("DC", "home"));
        Assert.Empty(result.Diagnostics);
        Assert.Equal("lab.example.com", result.Configuration!.Homelab.Domain);
        Assert.Equal(["home"], result.Configuration.Homelab.Datacenters);
    }

    [Fact]
    public void Missing_variable_in_a_used_value_names_the_variable_at_its_column()
    {
        var result = Parse("homelab:\n  domain: lab.${ZONE}\n");
        var diagnostic = SingleAt(result, "HLM120", 2, 15);
        Assert.Equal(2, diagnostic.Range.End.Line);
        Assert.Equal(22, diagnostic.Range.End.Column);
        Assert.Contains("\"ZONE\"", diagnostic.Summary, StringComparison.Ordinal);
        Assert.Contains(".env", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_variable_in_provider_config_is_not_an_error_until_used()
    {
        var result = WithDnsConfig("    api_token: ${CLOUDFLARE_API_TOKEN}\n");
        Assert.Empty(result.Diagnostics);

        var diagnostics = new DiagnosticBag();
        Assert.Null(ConfigValue(result, "api_token").Resolve(result.Variables, diagnostics));
        var diagnostic = Assert.Single(diagnostics);
        AssertAt(diagnostic, "HLM120", 6, 16);
        Assert.Contains("CLOUDFLARE_API_TOKEN", diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_variable_is_reported_and_no_value_appears()
    {
        var result = WithDnsConfig("    api_token: \"${A}-${PRESENT}-${B}-${A}\"\n", ("PRESENT", Secret));
        var diagnostics = new DiagnosticBag();
        Assert.Null(ConfigValue(result, "api_token").Resolve(result.Variables, diagnostics));
        Assert.Equal([17, 33, 38], diagnostics.Select(d => d.Range.Start.Column));
        Assert.All(diagnostics, d => Assert.Equal("HLM120", d.Code));
        foreach (var diagnostic in diagnostics)
        {
            Assert.DoesNotContain(Secret, diagnostic.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, DiagnosticFormatter.Format(diagnostic, result.Source), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Placeholders_are_filled_inside_text()
    {
        var result = WithDnsConfig("    url: https://${HOST}:${PORT}/v4\n", ("HOST", "api.local"), ("PORT", "8443"));
        var diagnostics = new DiagnosticBag();
        Assert.Equal("https://api.local:8443/v4", ConfigValue(result, "url").Resolve(result.Variables, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Double_dollar_brace_is_a_literal_placeholder()
    {
        var result = WithDnsConfig("    a: $${NOT_A_VAR} and ${X}\n    b: cost $5 or $$ or ${X}$\n", ("X", "x"));
        Assert.Empty(result.Diagnostics);
        var diagnostics = new DiagnosticBag();
        Assert.Equal("${NOT_A_VAR} and x", ConfigValue(result, "a").Resolve(result.Variables, diagnostics));
        Assert.Equal("cost $5 or $$ or x$", ConfigValue(result, "b").Resolve(result.Variables, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Variable_set_to_empty_counts_as_set()
    {
        var result = WithDnsConfig("    a: x${EMPTY}y\n", ("EMPTY", string.Empty));
        var diagnostics = new DiagnosticBag();
        Assert.Equal("xy", ConfigValue(result, "a").Resolve(result.Variables, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("    a: ${UNCLOSED\n", 6, 8)]
    [InlineData("    a: x ${} y\n", 6, 10)]
    [InlineData("    a: ${1ABC}\n", 6, 8)]
    [InlineData("    a: ${A-B}\n", 6, 8)]
    [InlineData("    a: \"${VAR:-default}\"\n", 6, 9)]
    public void Malformed_placeholder_is_reported_at_load_at_its_column(string line, int row, int column)
    {
        var result = WithDnsConfig(line);
        SingleAt(result, "HLM121", row, column);
        var diagnostics = new DiagnosticBag();
        Assert.Null(ConfigValue(result, "a").Resolve(DictionaryVariables.Empty, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Vault_references_are_kept_as_references()
    {
        var result = WithDnsConfig("    token: vault:secret/cloudflare#tunnel_token\n");
        Assert.Empty(result.Diagnostics);
        var diagnostics = new DiagnosticBag();
        var text = ConfigValue(result, "token").Resolve(result.Variables, diagnostics);
        Assert.Equal("vault:secret/cloudflare#tunnel_token", text);
        Assert.True(VaultReference.TryParse(text!, out var reference));
        Assert.Equal(VaultReference.Create("secret/cloudflare", "tunnel_token"), reference);
        Assert.Equal("vault:secret/cloudflare#tunnel_token", reference.ToString());
    }

    [Theory]
    [InlineData("vault:secret/x")]
    [InlineData("vault:#key")]
    [InlineData("vault:secret/x#")]
    [InlineData("vault:secret//x#key")]
    [InlineData("not-vault:secret/x#key")]
    public void Malformed_vault_references_do_not_parse(string text) =>
        Assert.False(VaultReference.TryParse(text, out _));

    [Fact]
    public void Environment_wins_over_dot_env()
    {
        using var directory = new TempDirectory();
        directory.Write("homelab.yaml", "homelab:\n  domain: ${DOMAIN}\ndns:\n  provider: cloudflare\n  config:\n    token: ${TOKEN}\n");
        directory.Write(".env", "# local settings\nDOMAIN=from-dotenv.example.com\nexport TOKEN='dotenv-token'\n");

        var fromDotEnv = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        Assert.Empty(fromDotEnv.Diagnostics);
        Assert.Equal("from-dotenv.example.com", fromDotEnv.Configuration!.Homelab.Domain);

        var fromEnvironment = HomelabConfigurationLoader.Load(directory.Path, Variables(("DOMAIN", "from-env.example.com")));
        Assert.Equal("from-env.example.com", fromEnvironment.Configuration!.Homelab.Domain);
        var diagnostics = new DiagnosticBag();
        var token = Assert.IsType<ConfigScalar>(fromEnvironment.Configuration.Dns!.Config.Find("token"));
        Assert.Equal("dotenv-token", token.Resolve(fromEnvironment.Variables, diagnostics));
    }

    [Fact]
    public void Process_environment_is_the_default_source()
    {
        var name = "HLM_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "env.example.com");
        try
        {
            using var directory = new TempDirectory();
            directory.Write("homelab.yaml", $"homelab:\n  domain: ${{{name}}}\n");
            directory.Write(".env", $"{name}=dotenv.example.com\n");
            var result = HomelabConfigurationLoader.Load(directory.Path);
            Assert.Empty(result.Diagnostics);
            Assert.Equal("env.example.com", result.Configuration!.Homelab.Domain);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Dot_env_problems_are_reported_with_the_dot_env_path()
    {
        using var directory = new TempDirectory();
        directory.Write("homelab.yaml", "homelab:\n  domain: lab.example.com\n");
        var dotEnv = directory.Write(".env", "GOOD=1\nthis is wrong\n");
        var result = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM130", diagnostic.Code);
        Assert.Equal(Path.GetFullPath(dotEnv), Path.GetFullPath(diagnostic.Path));
        Assert.Equal(2, diagnostic.Range.Start.Line);
        Assert.NotNull(result.Configuration);
    }

    [Fact]
    public void Dot_env_example_is_not_read()
    {
        using var directory = new TempDirectory();
        directory.Write("homelab.yaml", "homelab:\n  domain: ${DOMAIN}\n");
        directory.Write(".env.example", "DOMAIN=lab.example.com\n");
        var result = HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty);
        SingleAt(result, "HLM120", 2, 11);
    }

    [Theory]
    [InlineData("42", true, 42L)]
    [InlineData("\"-7\"", true, -7L)]
    [InlineData("4.5", false, 0L)]
    [InlineData("lots", false, 0L)]
    public void TryResolveInteger_reads_whole_numbers(string yaml, bool ok, long expected)
    {
        var result = WithDnsConfig($"    a: {yaml}\n");
        var diagnostics = new DiagnosticBag();
        Assert.Equal(ok, ConfigValue(result, "a").TryResolveInteger(DictionaryVariables.Empty, diagnostics, out var value));
        Assert.Equal(expected, value);
        Assert.Equal(ok ? 0 : 1, diagnostics.Count);
    }

    [Fact]
    public void Values_never_appear_in_ToString()
    {
        var result = WithDnsConfig($"    api_token: {Secret}\n");
        var configuration = result.Configuration!;
        Assert.DoesNotContain(Secret, ConfigValue(result, "api_token").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, configuration.ToString(), StringComparison.Ordinal);
    }
}
