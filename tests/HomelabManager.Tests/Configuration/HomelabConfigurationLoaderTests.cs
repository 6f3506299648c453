using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using static HomelabManager.Tests.Configuration.LoaderTestHelpers;

namespace HomelabManager.Tests.Configuration;

public class HomelabConfigurationLoaderTests
{
    private const string Valid = """
        homelab:
          domain: Lab.Example.com
          datacenters: [dc1, dc2]
          vault:
            kv_mount: /kv/
            kv_version: 1
            role: homelab
        dns:
          provider: cloudflare
          config:
            api_token: ${CF_TOKEN}
            proxied: true
        reverse_proxy:
          provider: traefik
        vpn:
          provider: cloudflare_tunnel
          config:
            tunnel_token: vault:secret/cloudflare#tunnel_token
        auth:
          provider: authelia
          config: {}
        """;

    [Fact]
    public void Valid_file_loads_every_section()
    {
        var result = Parse(Valid);
        Assert.Empty(result.Diagnostics);
        var configuration = Assert.IsType<HomelabConfiguration>(result.Configuration);
        Assert.Equal("lab.example.com", configuration.Homelab.Domain);
        Assert.Equal(2, configuration.Homelab.DomainRange.Start.Line);
        Assert.Equal(["dc1", "dc2"], configuration.Homelab.Datacenters);
        Assert.Equal(new VaultSettings("kv", 1, "homelab"), configuration.Homelab.Vault);
        Assert.Equal("cloudflare", configuration.Dns!.Provider);
        Assert.Equal("traefik", configuration.ReverseProxy!.Provider);
        Assert.Empty(configuration.ReverseProxy.Config.Entries);
        Assert.Equal("cloudflare_tunnel", configuration[IntegrationCategory.Vpn]!.Provider);
        Assert.Equal("authelia", configuration.Auth!.Provider);
        Assert.Equal(
            [IntegrationCategory.Vpn, IntegrationCategory.Dns, IntegrationCategory.ReverseProxy, IntegrationCategory.Auth],
            configuration.Integrations.Select(s => s.Category));
    }

    [Fact]
    public void Provider_config_values_keep_their_positions_and_key_paths()
    {
        var dns = Parse(Valid).Configuration!.Dns!;
        Assert.Equal(9, dns.ProviderRange.Start.Line);
        Assert.Equal(13, dns.ProviderRange.Start.Column);
        var token = Assert.IsType<ConfigScalar>(dns.Config.Find("api_token"));
        Assert.Equal("dns.config.api_token", token.KeyPath);
        Assert.Equal("api_token", token.Key);
        Assert.Equal(11, token.Range.Start.Line);
        Assert.Equal(16, token.Range.Start.Column);
        Assert.Equal(11, token.KeyRange!.Value.Start.Line);
        Assert.Equal(5, token.KeyRange.Value.Start.Column);
        Assert.Equal("${CF_TOKEN}", token.Text);
        Assert.True(token.HasPlaceholders);

        var proxied = Assert.IsType<ConfigScalar>(dns.Config.Find("proxied"));
        var diagnostics = new DiagnosticBag();
        Assert.True(proxied.TryResolveBoolean(DictionaryVariables.Empty, diagnostics, out var value));
        Assert.True(value);
        Assert.Equal(["api_token", "proxied"], dns.Config.Keys);
    }

    [Fact]
    public void Optional_settings_take_their_defaults()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n");
        Assert.Empty(result.Diagnostics);
        var homelab = result.Configuration!.Homelab;
        Assert.Equal(["*"], homelab.Datacenters);
        Assert.Equal(VaultSettings.Default, homelab.Vault);
        Assert.Equal(new VaultSettings("secret", 2, "nomad-workloads"), homelab.Vault);
        Assert.Null(result.Configuration.Dns);
        Assert.Empty(result.Configuration.Integrations);
    }

    [Fact]
    public void Null_section_counts_as_not_configured()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\nvpn:\ndns: ~\n");
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Configuration!.Vpn);
        Assert.Null(result.Configuration.Dns);
    }

    [Fact]
    public void Unknown_top_level_key_suggests_the_closest_one()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\ndsn:\n  provider: cloudflare\n");
        var diagnostic = SingleAt(result, "HLM110", 3, 1);
        Assert.Contains("Did you mean \"dns\"?", diagnostic.Detail, StringComparison.Ordinal);
        Assert.Contains("\"dsn\"", diagnostic.Summary, StringComparison.Ordinal);
        Assert.Equal("homelab.yaml", diagnostic.Path);
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_known_keys()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\nmonitoring: {}\n");
        var diagnostic = SingleAt(result, "HLM110", 3, 1);
        Assert.Contains("\"reverse_proxy\"", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_homelab_key_is_unknown_and_the_required_one_missing()
    {
        var result = Parse("homelab:\n  domian: lab.example.com\n");
        Assert.Equal(2, result.Diagnostics.Count);
        AssertAt(result.Diagnostics[0], "HLM111", 1, 1);
        AssertAt(result.Diagnostics[1], "HLM110", 2, 3);
        Assert.Contains("Did you mean \"domain\"?", result.Diagnostics[1].Detail, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Configuration!.Homelab.Domain);
    }

    [Fact]
    public void Missing_homelab_section_is_reported()
    {
        var result = Parse("dns:\n  provider: cloudflare\n");
        SingleAt(result, "HLM111", 1, 1);
        Assert.Equal("cloudflare", result.Configuration!.Dns!.Provider);
    }

    [Fact]
    public void Empty_file_is_a_missing_homelab_section()
    {
        SingleAt(Parse(string.Empty), "HLM111", 1, 1);
        SingleAt(Parse("# nothing here\n"), "HLM111", 1, 1);
    }

    [Theory]
    [InlineData("homelab: [a]\n", 1, 10)]
    [InlineData("homelab: lab.example.com\n", 1, 10)]
    [InlineData("homelab:\n  domain: [a, b]\n", 2, 11)]
    [InlineData("homelab:\n  domain: lab.example.com\n  datacenters: dc1\n", 3, 16)]
    [InlineData("homelab:\n  domain: lab.example.com\n  datacenters: [dc1, [x]]\n", 3, 22)]
    [InlineData("homelab:\n  domain: lab.example.com\n  vault: secret\n", 3, 10)]
    [InlineData("homelab:\n  domain: lab.example.com\ndns:\n  provider: cloudflare\n  config: [1]\n", 5, 11)]
    [InlineData("homelab:\n  domain: lab.example.com\ndns: cloudflare\n", 3, 6)]
    [InlineData("homelab:\n  domain: lab.example.com\ndns:\n  provider: {name: x}\n", 4, 13)]
    public void Wrong_type_is_reported_at_the_value(string yaml, int line, int column)
    {
        var result = Parse(yaml);
        var wrongType = result.Diagnostics.Where(d => d.Code == "HLM112").ToList();
        Assert.True(wrongType.Count == 1, Describe(result.Diagnostics));
        AssertAt(wrongType[0], "HLM112", line, column);
    }

    [Fact]
    public void Top_level_sequence_is_a_wrong_type_without_a_model()
    {
        var result = Parse("- a\n- b\n");
        SingleAt(result, "HLM112", 1, 1);
        Assert.Null(result.Configuration);
    }

    [Theory]
    [InlineData("https://lab.example.com", "scheme")]
    [InlineData("lab.example.com.", "trailing dot")]
    [InlineData("lab.example.com:443", "port")]
    [InlineData("\"*.lab.example.com\"", "wildcard")]
    [InlineData("lab_example.com", "labels")]
    [InlineData("-lab.example.com", "labels")]
    [InlineData("lab..example.com", "labels")]
    [InlineData("\"\"", "empty")]
    public void Invalid_domain_is_reported_at_the_value(string domain, string hint)
    {
        var result = Parse($"homelab:\n  domain: {domain}\n");
        var diagnostic = SingleAt(result, "HLM113", 2, 11);
        Assert.Contains(hint, diagnostic.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, result.Configuration!.Homelab.Domain);
    }

    [Fact]
    public void Domain_label_of_63_characters_is_valid_but_64_is_not()
    {
        Assert.True(DnsNames.IsValidDomain(new string('a', 63) + ".com"));
        Assert.False(DnsNames.IsValidDomain(new string('a', 64) + ".com"));
        Assert.True(DnsNames.IsValidDomain("home.arpa"));
        Assert.True(DnsNames.IsValidDomain("lan"));
    }

    [Theory]
    [InlineData("kv_version: 3", 4, 17)]
    [InlineData("kv_version: two", 4, 17)]
    [InlineData("kv_mount: /", 4, 15)]
    [InlineData("role: my role", 4, 11)]
    public void Invalid_vault_settings_are_reported_at_the_value(string line, int row, int column)
    {
        var result = Parse($"homelab:\n  domain: lab.example.com\n  vault:\n    {line}\n");
        SingleAt(result, "HLM113", row, column);
        Assert.Equal(VaultSettings.Default, result.Configuration!.Homelab.Vault);
    }

    [Fact]
    public void Empty_datacenter_list_is_invalid()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n  datacenters: []\n");
        SingleAt(result, "HLM113", 3, 16);
        Assert.Equal(["*"], result.Configuration!.Homelab.Datacenters);
    }

    [Fact]
    public void Section_without_provider_is_reported_at_its_key()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\ndns:\n  config:\n    api_token: x\n");
        var diagnostic = SingleAt(result, "HLM111", 3, 1);
        Assert.Contains("\"provider\"", diagnostic.Summary, StringComparison.Ordinal);
        Assert.Contains("under \"dns\"", diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_settings_outside_config_are_unknown_keys()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\ndns:\n  provider: cloudflare\n  confg:\n    api_token: x\n");
        var diagnostic = SingleAt(result, "HLM110", 5, 3);
        Assert.Contains("Did you mean \"config\"?", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_name_must_be_an_identifier()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\nvpn:\n  provider: Cloudflare Tunnel\n");
        SingleAt(result, "HLM113", 4, 13);
    }

    [Theory]
    [InlineData("nodes:\n  - 10.0.0.1\n", 3, 1)]
    [InlineData("node_ips: [10.0.0.1]\n", 3, 1)]
    [InlineData("homelab_x: 1\nhosts: {}\n", 4, 1)]
    public void Node_specific_keys_are_rejected(string extra, int line, int column)
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n" + extra);
        var diagnostic = result.Diagnostics.Single(d => d.Code == "HLM114");
        AssertAt(diagnostic, "HLM114", line, column);
        Assert.Contains("Nomad client configuration", diagnostic.Detail, StringComparison.Ordinal);
        Assert.Contains("node nixos", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_specific_keys_under_homelab_are_rejected()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n  servers:\n    - 192.168.1.10\n");
        SingleAt(result, "HLM114", 3, 3);
    }

    [Fact]
    public void Connection_settings_point_to_the_environment()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n  vault:\n    address: https://vault:8200\nnomad:\n  addr: x\n");
        Assert.Equal(2, result.Diagnostics.Count);
        AssertAt(result.Diagnostics[0], "HLM115", 4, 5);
        AssertAt(result.Diagnostics[1], "HLM115", 5, 1);
        Assert.Contains("NOMAD_ADDR", result.Diagnostics[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_vault_is_misplaced()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\nvault:\n  kv_mount: secret\n");
        var diagnostic = SingleAt(result, "HLM116", 3, 1);
        Assert.Contains("homelab.vault", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_one()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n  domain: other.example.com\n");
        var diagnostic = SingleAt(result, "HLM105", 3, 3);
        Assert.Contains("\"domain\"", diagnostic.Detail, StringComparison.Ordinal);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Yaml_syntax_error_is_a_diagnostic_not_an_exception()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\ndns: [cloudflare\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("HLM102", diagnostic.Code);
        Assert.Equal(4, diagnostic.Range.Start.Line);
        Assert.Null(result.Configuration);
    }

    [Fact]
    public void Yaml_error_inside_a_line_points_at_its_column()
    {
        var result = Parse("homelab:\n  domain: a: b\n");
        SingleAt(result, "HLM102", 2, 12);
    }

    [Fact]
    public void Second_document_is_rejected()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n---\ndns: {}\n");
        SingleAt(result, "HLM103", 3, 1);
    }

    [Fact]
    public void Malformed_vault_reference_is_reported_at_load()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\nvpn:\n  provider: cloudflare_tunnel\n  config:\n    token: vault:secret/cloudflare\n");
        SingleAt(result, "HLM122", 6, 12);
    }

    [Fact]
    public void Columns_count_characters_not_utf16_units()
    {
        var result = Parse("homelab:\n  domain: lab.example.com\n  \U0001F600x: 1\n");
        var diagnostic = SingleAt(result, "HLM110", 3, 3);
        Assert.Equal(3, diagnostic.Range.End.Line);
        Assert.Equal(5, diagnostic.Range.End.Column);
    }

    [Fact]
    public void Load_reads_a_folder_or_a_file_and_reports_a_missing_one()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("homelab.yaml", "homelab:\n  domain: lab.example.com\n");
        Assert.Empty(HomelabConfigurationLoader.Load(directory.Path, DictionaryVariables.Empty).Diagnostics);
        var fromFile = HomelabConfigurationLoader.Load(file, DictionaryVariables.Empty);
        Assert.Empty(fromFile.Diagnostics);
        Assert.Equal(file, fromFile.Configuration!.Path);
        Assert.NotNull(fromFile.Source);

        using var empty = new TempDirectory();
        var missing = HomelabConfigurationLoader.Load(empty.Path, DictionaryVariables.Empty);
        var diagnostic = Assert.Single(missing.Diagnostics);
        Assert.Equal("HLM100", diagnostic.Code);
        Assert.Equal(Path.Combine(empty.Path, "homelab.yaml"), diagnostic.Path);
        Assert.Null(missing.Configuration);
    }

    [Fact]
    public void All_errors_of_a_file_are_collected_in_file_order()
    {
        var result = Parse("homelab:\n  domian: x\n  datacenters: dc1\ndsn: {}\nnodes: []\nvpn:\n  config: {}\n");
        Assert.Equal(["HLM111", "HLM110", "HLM112", "HLM110", "HLM114", "HLM111"], result.Diagnostics.Select(d => d.Code));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Unquoted_wildcard_is_an_unknown_alias_at_its_position()
    {
        var result = Parse("homelab:\n  domain: *.lab.example.com\n");
        var diagnostic = SingleAt(result, "HLM102", 2, 11);
        Assert.Contains("quote", diagnostic.Detail, StringComparison.Ordinal);
    }
}
