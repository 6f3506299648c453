using System.Net;
using System.Net.Sockets;
using HomelabManager.Cli;
using HomelabManager.Homelab;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles.Consul;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Commands;

/// <summary>
/// A homelab folder next to running Nomad, Consul and Vault doubles, and a way to run the CLI against them
/// in-process (fast retries, optional stdin, cancellation, output readable while the command runs).
/// Services: <c>web</c> (public, two instances), <c>db</c> (private, a Vault env reference) and
/// <c>files</c> (public under the subdomain <c>cloud</c>, two Vault references to one secret).
/// </summary>
internal sealed class OperationsLab : IAsyncDisposable
{
    public const string Web = """
        service {
          name = "web"
          container {
            image = "nginx:1.27"
            ports = [
              { internal = 80 }
            ]
          }
          resources {
            cpu    = 200
            memory = 128
          }
          count         = 2
          public_access = true
        }
        """;

    public const string Db = """
        service {
          name = "db"
          container {
            image = "postgres:16"
            ports = [
              { internal = 5432 }
            ]
          }
          env {
            POSTGRES_PASSWORD = "vault:secret/db#password"
          }
        }
        """;

    public const string Files = """
        service {
          name = "files"
          container {
            image = "nextcloud:29"
            ports = [
              { internal = 80 }
            ]
          }
          env {
            ADMIN_USER     = "vault:secret/files#admin_user"
            ADMIN_PASSWORD = "vault:secret/files#admin_password"
          }
          public_access = true
          subdomain     = "cloud"
        }
        """;

    private OperationsLab(NomadDouble nomad, ConsulDouble consul, VaultDouble vault, TempHomelab homelab)
    {
        Nomad = nomad;
        Consul = consul;
        Vault = vault;
        Homelab = homelab;
        Environment = new Dictionary<string, string>
        {
            ["NOMAD_ADDR"] = nomad.BaseAddress.ToString(),
            ["CONSUL_HTTP_ADDR"] = consul.BaseAddress.ToString(),
            ["VAULT_ADDR"] = vault.BaseAddress.ToString(),
            ["VAULT_TOKEN"] = VaultDouble.RootToken,
        };
    }

    public NomadDouble Nomad { get; }

    public ConsulDouble Consul { get; }

    public VaultDouble Vault { get; }

    public TempHomelab Homelab { get; }

    /// <summary>The environment commands run with; tests may change it.</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>Starts the doubles (Consul fed by Nomad) and writes homelab.yaml plus the three services.</summary>
    public static async Task<OperationsLab> StartAsync(NomadDoubleOptions? nomadOptions = null, string? homelabYaml = null)
    {
        var nomad = await NomadDouble.StartAsync(nomadOptions);
        var consul = await ConsulDouble.StartAsync();
        consul.Attach(nomad);
        var vault = await VaultDouble.StartAsync();
        var homelab = new TempHomelab()
            .Write("homelab.yaml", homelabYaml ?? TempHomelab.MinimalYaml)
            .Service("web", Web)
            .Service("db", Db)
            .Service("files", Files);
        return new OperationsLab(nomad, consul, vault, homelab);
    }

    /// <summary>Registers the jobs the tool would build for <paramref name="services"/> and lets their deployments succeed.</summary>
    public async Task DeployAsync(params string[] services)
    {
        var loaded = HomelabLoader.Load(Homelab.Directory, new EmptyVariables(), p => p);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var builder = new NomadJobBuilder(HomelabJobOptions.From(loaded.Configuration));
        using var client = TestClients.Nomad(Nomad);
        foreach (var name in services)
        {
            var job = builder.Build(loaded.Services.Single(s => s.Definition.Name == name).Definition).Job;
            await client.RegisterJobAsync(new NomadJobRegisterRequest { Job = job });
        }

        Nomad.SettleDeployments();
    }

    /// <summary>Runs the CLI in the homelab folder.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(new LabRun(), args);

    /// <summary>Runs the CLI with stdin, cancellation and live output as <paramref name="run"/> says.</summary>
    public async Task<CliResult> RunAsync(LabRun run, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(run);
        var variables = new Dictionary<string, string>(Environment);
        var host = new CliHost(run.Out, run.Error, name => variables.TryGetValue(name, out var value) ? value : null, Homelab.Directory, OutIsTerminal: false)
        {
            ApiOptions = TestClients.Fast(),
            In = new StringReader(run.Stdin ?? string.Empty),
            InIsTerminal = false,
        };
        var exitCode = await HomelabCli.RunAsync(args, host, run.Cancellation);
        return new CliResult(exitCode, run.Out.Snapshot(), run.Error.Snapshot());
    }

    /// <summary>An address where nothing listens (connections are refused at once).</summary>
    public static string ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        await Nomad.DisposeAsync();
        await Consul.DisposeAsync();
        await Vault.DisposeAsync();
        Homelab.Dispose();
    }

    private sealed class EmptyVariables : HomelabManager.Configuration.IVariableSource
    {
        public bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}

/// <summary>How one CLI run of an <see cref="OperationsLab"/> gets its input and where its output goes.</summary>
internal sealed class LabRun
{
    /// <summary>Piped standard input.</summary>
    public string? Stdin { get; init; }

    /// <summary>Cancels the command (Ctrl-C).</summary>
    public CancellationToken Cancellation { get; init; }

    public LiveWriter Out { get; } = new();

    public LiveWriter Error { get; } = new();
}

/// <summary>A thread-safe writer whose text can be read while a command still writes to it.</summary>
internal sealed class LiveWriter : StringWriter
{
    private readonly Lock _lock = new();

    public override void Write(char value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            base.Write(buffer, index, count);
        }
    }

    public string Snapshot()
    {
        lock (_lock)
        {
            return ToString();
        }
    }

    /// <summary>Waits (polling every few ms, at most 10 s) until the text satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(Snapshot()))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for output; got:\n" + Snapshot());
            await Task.Delay(5);
        }
    }
}
