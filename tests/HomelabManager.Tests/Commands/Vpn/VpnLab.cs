using HomelabManager.Cli;
using HomelabManager.Clients.Vault;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Commands.Vpn;

/// <summary>A homelab folder with a wireguard vpn section next to a Vault double, and the CLI run against it in-process.</summary>
internal sealed class VpnLab : IAsyncDisposable
{
    public const string Yaml = """
        # My homelab. Comments and layout must survive `vpn peer add`.
        homelab:
          domain: lab.example.com   # the base domain

        vpn:
          provider: wireguard
          config:
            address: 10.8.0.1/24, fd08::1/64   # the tunnel network
            endpoint: vpn.lab.example.com
            dns: 10.8.0.1
            peers:
              - name: phone   # Anna's phone
                public_key: 3p7bfXt9wbTTW2HC7OQ1Nz+DQ8hbeGdNrfx+FG+IK08=
                address: 10.8.0.2, fd08::2

        # Reverse proxy next.
        reverse_proxy:
          provider: traefik
          config:
            acme_email: admin@lab.example.com
        """;

    private VpnLab(VaultDouble vault, TempHomelab homelab)
    {
        Vault = vault;
        Homelab = homelab;
    }

    public VaultDouble Vault { get; }

    public TempHomelab Homelab { get; }

    public string YamlPath => Path.Combine(Homelab.Directory, "homelab.yaml");

    public static async Task<VpnLab> StartAsync(string yaml = Yaml) =>
        new(await VaultDouble.StartAsync(), new TempHomelab().Write("homelab.yaml", yaml));

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = Vault.BaseAddress.ToString(),
            ["VAULT_TOKEN"] = VaultDouble.RootToken,
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(output, error, name => variables.TryGetValue(name, out var value) ? value : null, Homelab.Directory, OutIsTerminal: false)
        {
            ApiOptions = TestClients.Fast(),
        };
        var exitCode = await HomelabCli.RunAsync(args, host);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A key of a secret as Vault holds it (read through the real client).</summary>
    public async Task<string?> ReadAsync(string path, string key)
    {
        using var client = TestClients.Vault(Vault);
        var secret = await client.ReadSecretAsync(VaultKvMount.DefaultV2, path);
        return secret?.Values?[key];
    }

    public async ValueTask DisposeAsync()
    {
        await Vault.DisposeAsync();
        Homelab.Dispose();
    }
}
