using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Tests.Integrations.Vpn.WireGuard;

public class WireGuardProviderTests
{
    /// <summary>Line numbers below count from the yaml's first line: homelab (1-2), vpn (3), provider (4), config (5), then config lines from 6.</summary>
    private static Diagnostic Single(string config, string code)
    {
        var diagnostics = WireGuardKit.Validate(WireGuardKit.Yaml(config));
        return Assert.Single(diagnostics, d => d.Code == code);
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column) =>
        Assert.True(diagnostic.Range.Start.Line == line && diagnostic.Range.Start.Column == column, $"expected {line}:{column}, got {diagnostic}");

    [Fact]
    public void Registry_finds_the_provider_and_the_vector_config_is_valid()
    {
        Assert.IsType<WireGuardProvider>(IntegrationRegistry.Default.Find(HomelabManager.Configuration.IntegrationCategory.Vpn, "wireguard"));
        Assert.Empty(WireGuardKit.Validate(WireGuardKit.Yaml(WireGuardKit.VectorConfig)));
    }

    [Fact]
    public void Missing_address_and_endpoint_are_reported_at_config()
    {
        var diagnostics = WireGuardKit.Validate(WireGuardKit.Yaml("interface: wg1"));
        Assert.Equal(["address", "endpoint"], diagnostics.Where(d => d.Code == "HLM111").Select(d => d.Summary.Split('"')[1]));
    }

    private const string Base = "address: 10.8.0.1/24\nendpoint: vpn.example.com\n";

    [Theory]
    [InlineData("interface: wg0/../x\n" + Base, 6, 16)]
    [InlineData("listen_port: 70000\n" + Base, 6, 18)]
    [InlineData("address: 10.8.0.0/24\nendpoint: vpn.example.com", 6, 14)]
    [InlineData("address: 10.8.0.1\nendpoint: vpn.example.com", 6, 14)]
    [InlineData("address: 10.8.0.1/32\nendpoint: vpn.example.com", 6, 14)]
    [InlineData("address: 10.8.0.255/24\nendpoint: vpn.example.com", 6, 14)]
    [InlineData("address: 10.8.0.1/24, 10.9.0.1/24\nendpoint: vpn.example.com", 6, 14)]
    [InlineData("address: 10.8.0.1/24\nendpoint: https://vpn.example.com", 7, 15)]
    [InlineData(Base + "dns: 10.8.0.1; rm -rf /", 8, 10)]
    [InlineData(Base + "peer_allowed_ips: everything", 8, 23)]
    [InlineData(Base + "persistent_keepalive: 70000", 8, 27)]
    public void Bad_server_values_are_reported_at_their_value(string config, int line, int column) =>
        AssertAt(Single(config, "HLM113"), line, column);

    [Fact]
    public void Private_key_must_be_a_vault_reference()
    {
        var diagnostic = Single("address: 10.8.0.1/24\nendpoint: vpn.example.com\nprivate_key: cAdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LGo=", "HLM401");
        AssertAt(diagnostic, 8, 18);
        Assert.DoesNotContain("cAdtCnMY", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Peer_problems_are_reported_at_their_line()
    {
        const string config = """
            address: 10.8.0.1/24
            endpoint: vpn.example.com
            peers:
              - name: good
                public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=
                address: 10.8.0.2
              - name: Good
                public_key: hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=
                address: 10.8.0.3
              - name: dup-key
                public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=
                address: 10.8.0.4
              - name: short-key
                public_key: hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo
                address: 10.8.0.5
              - name: dup-address
                public_key: XasIfmJKikt54X+Lg4AO5m87sSkmGLb9HC+LJ/+I4Os=
                address: 10.8.0.2/32
              - name: outside
                public_key: WKsIfmJKikt54X+Lg4AO5m87sSkmGLb9HC+LJ/+I4Gs=
                address: 10.9.0.2
              - name: server
                public_key: dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo=
                address: 10.8.0.1
              - name: subnet
                public_key: cAdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LGo=
                address: 10.8.0.0/25
              - name: "bad name"
                public_key: Sl2dW6TOLeFyjjv0gDUPJeB+IclH0Z4zdvCbPB4WF0I=
                address: 10.8.0.9
              - name: templated
                public_key: ${PEER_KEY}
                address: 10.8.0.10
                extra: nope
              - just a string
            """;
        var diagnostics = WireGuardKit.Validate(WireGuardKit.Yaml(config));
        var found = diagnostics.Select(d => (d.Code, d.Range.Start.Line)).OrderBy(d => d.Line).ToList();
        Assert.Equal(
            [
                ("HLM440", 12), // Good = good (names compare without case)
                ("HLM441", 16), // same key as good
                ("HLM113", 19), // 43-character key
                ("HLM442", 23), // 10.8.0.2 again
                ("HLM113", 26), // outside 10.8.0.0/24
                ("HLM113", 29), // the server's address
                ("HLM113", 32), // not one host
                ("HLM113", 33), // name with a space
                ("HLM443", 37), // placeholder in a peer
                ("HLM110", 39), // extra key
                ("HLM112", 40), // not a mapping
            ],
            found);
        Assert.All(diagnostics, d => Assert.True(d.IsError));
    }

    [Fact]
    public void Contribution_is_the_server_template_with_a_vault_read_and_no_dns_target()
    {
        var plan = IntegrationTestKit.SuccessfulPlan(WireGuardKit.Yaml(WireGuardKit.VectorConfig), IntegrationTestKit.NoAuthServices);
        var file = Assert.Single(plan.Files);
        Assert.Equal("integrations/vpn/wireguard/wg0.conf.ctmpl", file.Path);
        Assert.True(file.Sensitive);
        Assert.Contains("PrivateKey = {{ with secret \"secret/data/wireguard\" }}{{ index .Data.data \"private_key\" }}{{ end }}\n", file.Content, StringComparison.Ordinal);
        Assert.Contains("Address = 10.8.0.1/24, fd08::1/64\nListenPort = 51820\n", file.Content, StringComparison.Ordinal);
        Assert.Contains($"[Peer]\n# bob\nPublicKey = {WireGuardKit.BobKey}\nAllowedIPs = 10.8.0.2/32, fd08::2/128\n", file.Content, StringComparison.Ordinal);
        Assert.Empty(plan.Jobs);
        Assert.Empty(plan.DnsRecords);
        Assert.IsNotType<IDnsTargetProvider>(plan.Providers[HomelabManager.Configuration.IntegrationCategory.Vpn], exactMatch: false);
    }

    [Fact]
    public void Placeholders_in_server_values_are_filled_at_use_and_checked_then()
    {
        const string config = "address: ${WG_ADDRESS}\nendpoint: ${WG_HOST}:51999\npeers:\n  - name: bob\n    public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=\n    address: 10.8.0.2";
        Assert.Empty(WireGuardKit.Validate(WireGuardKit.Yaml(config)));

        var plan = IntegrationTestKit.SuccessfulPlan(WireGuardKit.Yaml(config), IntegrationTestKit.NoAuthServices, variables: [("WG_ADDRESS", "10.8.0.1/24"), ("WG_HOST", "home.example.net")]);
        Assert.Contains("Address = 10.8.0.1/24\n", plan.Files.Single().Content, StringComparison.Ordinal);

        var outside = IntegrationTestKit.Plan(WireGuardKit.Yaml(config), IntegrationTestKit.NoAuthServices, variables: [("WG_ADDRESS", "10.9.0.1/24"), ("WG_HOST", "home.example.net")]);
        var diagnostic = Assert.Single(outside.Diagnostics);
        Assert.Equal(("HLM113", 11), (diagnostic.Code, diagnostic.Range.Start.Line));
    }
}
