using System.CommandLine;
using HomelabManager.Cli;
using Spectre.Console;

namespace HomelabManager.Commands.Vpn;

/// <summary><c>vpn peer add|list|remove</c>: the peers of the wireguard VPN (homelab.yaml and their keys in Vault).</summary>
internal static class VpnCommand
{
    public static Command Create(CliContext context)
    {
        var peer = new Command("peer", "Peers of the wireguard VPN: add (new keys in Vault, config and QR code printed), list, remove")
        {
            PeerAddCommand.Create(context),
            PeerListCommand.Create(context),
            PeerRemoveCommand.Create(context),
        };
        return new Command("vpn", "The homelab's VPN (provider wireguard)") { peer };
    }

    /// <summary>Runs a vpn command: a <see cref="VpnUsageException"/> becomes its message and exit code.</summary>
    public static async Task<int> RunAsync(CommandEnvironment environment, Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return await run();
        }
        catch (VpnUsageException exception)
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
            return exception.ExitCode;
        }
    }
}
