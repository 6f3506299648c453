using System.Text.Json.Nodes;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Commands;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Deployment;

/// <summary>
/// A Nomad double (deployments finish on their own right after a register), a Vault double and a temporary
/// homelab with three services: <c>web</c> (nginx), <c>cloud</c> (a Vault secret and a host volume) and
/// <c>cache</c>. The CLI runs in-process with zero-backoff retries.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    /// <summary>The value seeded for <c>vault:secret/cloud#admin_password</c>; it must never show up anywhere.</summary>
    public const string CanarySecret = "canary-Zq8!xv-never-print-me";

    private ClusterHarness(NomadDouble nomad, VaultDouble vault, TempHomelab homelab)
    {
        Nomad = nomad;
        Vault = vault;
        Homelab = homelab;
    }

    public NomadDouble Nomad { get; }

    public VaultDouble Vault { get; }

    public TempHomelab Homelab { get; }

    /// <summary>Outputs of every run, for the canary check.</summary>
    public List<CliResult> Runs { get; } = [];

    /// <summary>More environment variables for the CLI (e.g. a DNS provider's token).</summary>
    public Dictionary<string, string> ExtraVariables { get; } = [];

    public Dictionary<string, string> Environment => new(ExtraVariables)
    {
        ["NOMAD_ADDR"] = Nomad.BaseAddress.ToString().TrimEnd('/'),
        ["VAULT_ADDR"] = Vault.BaseAddress.ToString().TrimEnd('/'),
        ["VAULT_TOKEN"] = VaultDouble.RootToken,
    };

    public static async Task<ClusterHarness> StartAsync(bool autoProgress = true, bool seedSecrets = true)
    {
        var nomad = await NomadDouble.StartAsync(new NomadDoubleOptions { DeploymentDuration = autoProgress ? TimeSpan.Zero : null });
        var vault = await VaultDouble.StartAsync();
        if (seedSecrets)
        {
            vault.Seed("secret", "cloud", new Dictionary<string, string> { ["admin_password"] = CanarySecret, ["admin_user"] = "admin" });
        }

        var homelab = new TempHomelab().Write("homelab.yaml", TempHomelab.MinimalYaml);
        var harness = new ClusterHarness(nomad, vault, homelab);
        harness.WriteService("web", "nginx:1.27");
        harness.Homelab.Service("cloud", """
            service {
              name = "cloud"
              container {
                image = "nextcloud:29"
                ports = [{ internal = 80 }]
              }
              volume {
                name = "cloud-data"
                path = "/var/www/html"
              }
              env {
                TZ             = "Europe/Berlin"
                ADMIN_USER     = "vault:secret/cloud#admin_user"
                ADMIN_PASSWORD = "vault:secret/cloud#admin_password"
              }
            }
            """);
        harness.WriteService("cache", "redis:7");
        return harness;
    }

    /// <summary>Writes (or rewrites) a one-container service with one port.</summary>
    public void WriteService(string name, string image, string extra = "") => Homelab.Service(name, $$"""
        service {
          name = "{{name}}"
          container {
            image = "{{image}}"
            ports = [{ internal = 80 }]
          }
        {{extra}}
        }
        """);

    public void DeleteService(string name) => Directory.Delete(Path.Combine(Homelab.Directory, "services", name), recursive: true);

    /// <summary>Runs the CLI in the homelab folder (not a terminal, no stdin).</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunCoreAsync(null, args);

    /// <summary>Runs the CLI as if a person sat at a terminal and typed <paramref name="input"/>.</summary>
    public Task<CliResult> RunInteractiveAsync(string input, params string[] args) => RunCoreAsync(input, args);

    /// <summary>The requests the Nomad double received after <paramref name="skip"/> earlier ones.</summary>
    public IReadOnlyList<Doubles.RecordedRequest> NomadRequestsSince(int skip) => [.. Nomad.Requests.All.Skip(skip)];

    /// <summary>Write requests (PUT/POST/DELETE) among <paramref name="requests"/>; plans are reads.</summary>
    public static IReadOnlyList<Doubles.RecordedRequest> Writes(IEnumerable<Doubles.RecordedRequest> requests) =>
        [.. requests.Where(r => r.Method is "PUT" or "POST" or "DELETE" && !r.Path.EndsWith("/plan", StringComparison.Ordinal))];

    /// <summary>
    /// Changes a job behind homelab-manager's back, like someone running <c>nomad job run</c>: the last register
    /// body the double received for <paramref name="jobId"/>, edited, sent again without EnforceIndex.
    /// </summary>
    public async Task EditLiveJobAsync(string jobId, Action<JsonObject> edit)
    {
        var last = Nomad.Requests.All.Last(r => r.Method == "PUT" && r.Path == "/v1/jobs" && JsonNode.Parse(r.Body)!["Job"]!["ID"]!.GetValue<string>() == jobId);
        var job = (JsonObject)JsonNode.Parse(last.Body)!["Job"]!.DeepClone();
        edit(job);
        await RegisterRawAsync(new JsonObject { ["Job"] = job });
    }

    /// <summary>Registers a job body directly (not through homelab-manager).</summary>
    public async Task RegisterRawAsync(JsonObject body)
    {
        using var http = new HttpClient { BaseAddress = Nomad.BaseAddress };
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri("/v1/jobs", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
    }

    /// <summary>The image of a job's first task as Nomad has it now.</summary>
    public async Task<string> LiveImageAsync(string jobId)
    {
        using var http = new HttpClient { BaseAddress = Nomad.BaseAddress };
        var job = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v1/job/{jobId}", UriKind.Relative)))!;
        return job["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["image"]!.GetValue<string>();
    }

    /// <summary>A job's Meta as Nomad has it now.</summary>
    public async Task<JsonObject> LiveMetaAsync(string jobId)
    {
        using var http = new HttpClient { BaseAddress = Nomad.BaseAddress };
        var job = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v1/job/{jobId}", UriKind.Relative)))!;
        return (JsonObject)job["Meta"]!;
    }

    public async ValueTask DisposeAsync()
    {
        await Nomad.DisposeAsync();
        await Vault.DisposeAsync();
        Homelab.Dispose();
    }

    private async Task<CliResult> RunCoreAsync(string? input, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdin = input is null ? null : new StringReader(input);
        var variables = Environment;
        var host = new CliHost(output, error, name => variables.TryGetValue(name, out var value) ? value : null, Homelab.Directory, OutIsTerminal: false)
        {
            ApiOptions = TestClients.Fast(retries: 3),
            In = stdin ?? TextReader.Null,
            InIsTerminal = input is not null,
        };
        var exitCode = await HomelabCli.RunAsync(args, host);
        var result = new CliResult(exitCode, output.ToString(), error.ToString());
        Runs.Add(result);
        return result;
    }
}
