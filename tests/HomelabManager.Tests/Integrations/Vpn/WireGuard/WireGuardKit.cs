using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Tests.Integrations.Vpn.WireGuard;

/// <summary>homelab.yaml texts with a wireguard section, and the server they describe.</summary>
internal static class WireGuardKit
{
    public const string AliceKey = "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=";

    public const string BobKey = "3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=";

    /// <summary>A homelab.yaml whose vpn config is <paramref name="config"/> (lines indented by four spaces).</summary>
    public static string Yaml(string config) =>
        IntegrationTestKit.Yaml("vpn:\n  provider: wireguard\n  config:\n" + string.Join('\n', config.Split('\n').Select(l => "    " + l)));

    /// <summary>The vector setup: server 10.8.0.1/24 + fd08::1/64, peer bob 10.8.0.2 + fd08::2.</summary>
    public const string VectorConfig = """
        address: 10.8.0.1/24, fd08::1/64
        endpoint: vpn.example.com:51820
        dns: 10.8.0.1, lab.example.com
        peers:
          - name: bob
            public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=
            address: 10.8.0.2/32, fd08::2/128
        """;

    /// <summary>The diagnostics of validating <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<Diagnostic> Validate(string yaml) =>
        new IntegrationPipeline(IntegrationRegistry.Default).Validate(IntegrationTestKit.Load(yaml));

    /// <summary>The server of a valid <paramref name="config"/>.</summary>
    public static WireGuardServer Server(string config)
    {
        var configuration = IntegrationTestKit.Load(Yaml(config));
        var diagnostics = new DiagnosticBag();
        var server = WireGuardConfigReader.ReadLiteral(configuration.Vpn!.Config, WireGuardOptions.All, diagnostics);
        Assert.True(server is not null && !diagnostics.HasErrors, string.Join("\n", diagnostics));
        return server!;
    }
}
