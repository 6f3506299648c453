using HomelabManager.Cli;
using HomelabManager.Configuration;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>How plan, deploy, remove and doctor let providers reach their APIs: the run's Vault and API options.</summary>
internal static class ProviderAccess
{
    /// <summary>
    /// <c>vault:</c> credentials read from the run's Vault (KV version per mount; homelab.yaml's <c>homelab.vault</c>
    /// helps tokens that may not read <c>sys/mounts</c>), clock and <c>-v</c> trace of the run's clients.
    /// </summary>
    public static ExternalAccess Of(ClusterClients clients, CommandEnvironment environment, HomelabConfiguration? configuration)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(environment);
        var secrets = new VaultSecretResolver(
            () => clients.Vault,
            () => configuration?.Homelab.Vault,
            warning => environment.ErrorConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}"));
        return new ExternalAccess(secrets, clients.Options);
    }
}
