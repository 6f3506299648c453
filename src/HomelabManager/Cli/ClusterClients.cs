using System.CommandLine;
using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Clients.Vault;
using Spectre.Console;

namespace HomelabManager.Cli;

/// <summary>
/// The Nomad, Consul and Vault clients of one command run, created on first use from the environment
/// and the command-line overrides. With <c>-v</c> every request is traced (tokens redacted) to stderr.
/// </summary>
internal sealed class ClusterClients : IDisposable
{
    private readonly Lazy<NomadClient> _nomad;
    private readonly Lazy<ConsulClient> _consul;
    private readonly Lazy<VaultClient> _vault;

    public ClusterClients(ParseResult parseResult, ClusterOptions options, CommandEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var clientOptions = environment.Host.ApiOptions ?? ApiClientOptions.Default;
        if (environment.Verbose)
        {
            var console = environment.ErrorConsole;
            clientOptions = clientOptions with { Trace = line => console.MarkupLine($"[grey]{Markup.Escape(line)}[/]") };
        }

        Options = clientOptions;
        var variables = environment.Host.GetEnvironmentVariable;
        _nomad = new(() => NomadClient.FromEnvironment(variables, options.Nomad(parseResult), clientOptions));
        _consul = new(() => ConsulClient.FromEnvironment(variables, options.Consul(parseResult), clientOptions));
        _vault = new(() => VaultClient.FromEnvironment(variables, options.Vault(parseResult), clientOptions));
    }

    /// <summary>The options the clients use (clock, retries, the <c>-v</c> trace); providers' API clients share the clock and trace.</summary>
    public ApiClientOptions Options { get; }

    public INomadClient Nomad => _nomad.Value;

    public IConsulClient Consul => _consul.Value;

    public IVaultClient Vault => _vault.Value;

    public void Dispose()
    {
        if (_nomad.IsValueCreated)
        {
            _nomad.Value.Dispose();
        }

        if (_consul.IsValueCreated)
        {
            _consul.Value.Dispose();
        }

        if (_vault.IsValueCreated)
        {
            _vault.Value.Dispose();
        }
    }
}
