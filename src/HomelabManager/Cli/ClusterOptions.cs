using System.CommandLine;
using HomelabManager.Clients.Http;

namespace HomelabManager.Cli;

/// <summary>
/// Flags that override the HashiCorp environment variables (NOMAD_ADDR, CONSUL_HTTP_ADDR, VAULT_ADDR, …).
/// Tokens are taken from the environment only, so they never show in the process list or shell history.
/// </summary>
internal sealed class ClusterOptions
{
    public Option<string?> NomadAddress { get; } = new("--nomad-addr") { Description = "Nomad API address (default: NOMAD_ADDR or http://127.0.0.1:4646)", Recursive = true };

    public Option<string?> NomadNamespace { get; } = new("--namespace") { Description = "Nomad namespace (default: NOMAD_NAMESPACE)", Recursive = true };

    public Option<string?> NomadRegion { get; } = new("--region") { Description = "Nomad region (default: NOMAD_REGION)", Recursive = true };

    public Option<string?> ConsulAddress { get; } = new("--consul-addr") { Description = "Consul API address (default: CONSUL_HTTP_ADDR or 127.0.0.1:8500)", Recursive = true };

    public Option<string?> VaultAddress { get; } = new("--vault-addr") { Description = "Vault API address (default: VAULT_ADDR or https://127.0.0.1:8200)", Recursive = true };

    /// <summary>Adds the flags to the root command.</summary>
    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(NomadAddress);
        root.Add(NomadNamespace);
        root.Add(NomadRegion);
        root.Add(ConsulAddress);
        root.Add(VaultAddress);
    }

    /// <summary>The Nomad overrides given on the command line.</summary>
    public ApiConnectionOverrides Nomad(ParseResult parseResult) => new()
    {
        Address = parseResult.GetValue(NomadAddress),
        Namespace = parseResult.GetValue(NomadNamespace),
        Region = parseResult.GetValue(NomadRegion),
    };

    /// <summary>The Consul overrides given on the command line.</summary>
    public ApiConnectionOverrides Consul(ParseResult parseResult) => new() { Address = parseResult.GetValue(ConsulAddress) };

    /// <summary>The Vault overrides given on the command line.</summary>
    public ApiConnectionOverrides Vault(ParseResult parseResult) => new() { Address = parseResult.GetValue(VaultAddress) };
}
