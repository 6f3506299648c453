using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Cloudflare;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// Canary values in Vault (service and authelia secrets), <c>.env</c> and the environment (Nomad, Consul and Vault
/// tokens, the Cloudflare token variable) never show up in any output, written file, <c>-v</c> trace line or
/// recorded request body, query or non-auth header of a full run of every command; each token travels only in its
/// own server's auth header.
/// </summary>
public sealed class SecretCanaryTests
{
    private const string VaultSecret = "canary-vault-kv-51c7-never-print";
    private const string AutheliaSecret = "canary-authelia-9e2d-never-print";
    private const string DotEnvSecret = "canary-dotenv-73aa-never-print";
    private const string NomadToken = "canary-nomad-token-0b1f-never-print";
    private const string ConsulToken = "canary-consul-token-4c6e-never-print";
    private const string VaultToken = "canary-vault-token-8d90-never-print";

    private static readonly string[] Canaries = [VaultSecret, AutheliaSecret, DotEnvSecret, NomadToken, ConsulToken, VaultToken, CloudflareDouble.Token];

    private static readonly Dictionary<string, string> AuthHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Nomad-Token"] = "nomad",
        ["X-Consul-Token"] = "consul",
        ["X-Vault-Token"] = "vault",
        ["Authorization"] = "cloudflare",
    };

    [RequiresNomadSchemaFact]
    public async Task No_canary_leaks_from_any_command_run_with_v()
    {
        await using var lab = await OperationsLab.StartAsync(new NomadDoubleOptions { DeploymentDuration = TimeSpan.Zero, Token = NomadToken });
        await using var consul = await Doubles.Consul.ConsulDouble.StartAsync(ConsulToken);
        consul.Attach(lab.Nomad);
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone("lab.example.com");
        lab.Vault.AddToken(new VaultDoubleToken(VaultToken, ["root"], []));
        lab.Vault.Seed("secret", "db", new Dictionary<string, string> { ["password"] = VaultSecret });
        lab.Vault.Seed("secret", "files", new Dictionary<string, string> { ["admin_user"] = VaultSecret, ["admin_password"] = VaultSecret });
        lab.Vault.Seed("secret", "authelia", new Dictionary<string, string>
        {
            ["jwt_secret"] = AutheliaSecret,
            ["session_secret"] = AutheliaSecret,
            ["storage_encryption_key"] = AutheliaSecret,
        });
        lab.Homelab.Write("homelab.yaml", $$"""
            homelab:
              domain: lab.example.com
            reverse_proxy:
              provider: traefik
              config:
                acme_email: ${ACME_EMAIL}
            auth:
              provider: authelia
              config:
                jwt_secret: vault:secret/authelia#jwt_secret
                session_secret: vault:secret/authelia#session_secret
                storage_encryption_key: vault:secret/authelia#storage_encryption_key
            dns:
              provider: cloudflare
              config:
                api_token: ${CLOUDFLARE_API_TOKEN}
                target: 203.0.113.10
                api_url: {{cloudflare.ApiUrl}}
            """);
        lab.Homelab.Write(".env", $"ACME_EMAIL=admin@lab.example.com\nUNUSED_SECRET={DotEnvSecret}\n");
        lab.Environment["NOMAD_TOKEN"] = NomadToken;
        lab.Environment["CONSUL_HTTP_ADDR"] = consul.BaseAddress.ToString();
        lab.Environment["CONSUL_HTTP_TOKEN"] = ConsulToken;
        lab.Environment["VAULT_TOKEN"] = VaultToken;
        lab.Environment["CLOUDFLARE_API_TOKEN"] = CloudflareDouble.Token;
        var rendered = Path.Combine(lab.Homelab.Directory, "rendered");
        var module = Path.Combine(lab.Homelab.Directory, "node.nix");
        string[][] commands =
        [
            ["validate"],
            ["render", "--out", rendered],
            ["render", "--format", "hcl"],
            ["plan"],
            ["deploy", "--yes"],
            ["status"],
            ["logs", "db"],
            ["metrics"],
            ["secrets", "list"],
            ["update", "web", "--image", "nginx:1.28"],
            ["remove", "files", "--yes"],
            ["doctor"],
            ["node", "nixos"],
            ["node", "nixos", "--out", module],
            ["plan", "--output", "json"],
            ["status", "--output", "json"],
        ];

        var outputs = new List<(string Command, CliResult Result)>();
        foreach (var command in commands)
        {
            var result = await lab.RunAsync([.. command, "-v"]);
            outputs.Add((string.Join(' ', command), result));
            FaultLab.AssertNoStackTrace(result);
        }

        // The runs did real work (a leak check over failed runs would prove little).
        Assert.All(outputs.Where(o => o.Command is "validate" or "deploy --yes" or "update web --image nginx:1.28" or "secrets list" or "status"), o =>
            Assert.True(o.Result.ExitCode == ExitCodes.Ok, $"{o.Command}: exit {o.Result.ExitCode}\n{o.Result.Out}{o.Result.Error}"));
        Assert.NotEmpty(cloudflare.Requests.All);
        Assert.NotEmpty(Directory.GetFiles(rendered));
        Assert.True(File.Exists(module));

        foreach (var canary in Canaries)
        {
            foreach (var (command, result) in outputs)
            {
                Assert.False(result.Out.Contains(canary, StringComparison.Ordinal), $"{command} printed {canary} on stdout");
                Assert.False(result.Error.Contains(canary, StringComparison.Ordinal), $"{command} printed {canary} on stderr");
            }

            foreach (var file in Directory.EnumerateFiles(lab.Homelab.Directory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".env", StringComparison.Ordinal)))
            {
                Assert.False(File.ReadAllText(file).Contains(canary, StringComparison.Ordinal), $"{file} holds {canary}");
            }

            foreach (var (api, request) in Requests(lab, consul, cloudflare))
            {
                Assert.False((request.Body + request.Query + request.Path).Contains(canary, StringComparison.Ordinal), $"{api} {request} carries {canary}");
                foreach (var header in request.Headers.Where(h => !AuthHeaders.ContainsKey(h.Key)))
                {
                    Assert.False(header.Value.Contains(canary, StringComparison.Ordinal), $"{api} {request} header {header.Key} carries {canary}");
                }
            }
        }

        // Auth headers (recorded redacted) reach only their own server.
        foreach (var (api, request) in Requests(lab, consul, cloudflare))
        {
            foreach (var header in request.Headers.Where(h => AuthHeaders.ContainsKey(h.Key)))
            {
                Assert.True(AuthHeaders[header.Key] == api, $"{api} received {header.Key} ({request})");
            }
        }
    }

    private static IEnumerable<(string Api, RecordedRequest Request)> Requests(OperationsLab lab, Doubles.Consul.ConsulDouble consul, CloudflareDouble cloudflare) =>
        lab.Nomad.Requests.All.Select(r => ("nomad", r))
            .Concat(consul.Requests.All.Select(r => ("consul", r)))
            .Concat(lab.Vault.Requests.All.Select(r => ("vault", r)))
            .Concat(cloudflare.Requests.All.Select(r => ("cloudflare", r)));
}
