using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Integrations.Vpn.WireGuard;
using Spectre.Console;

namespace HomelabManager.Commands.Vpn;

/// <summary><c>vpn peer list</c>: the server and its peers as homelab.yaml lists them (public data only, offline).</summary>
internal static class PeerListCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("list", "List the peers of the wireguard VPN (names, addresses, public keys; offline)");
        context.SetAction(command, (parseResult, environment) =>
        {
            var lab = WireGuardHomelab.Load(environment);
            if (lab is null)
            {
                return ExitCodes.InvalidInput;
            }

            var server = lab.Server;
            var report = new VpnPeerListReport(
                server.Interface,
                server.Endpoint.ToString(),
                [.. server.Addresses.Select(a => a.ToString())],
                [.. server.Peers.Select(p => new VpnPeerEntry(p.Name, [.. p.Addresses.Select(a => a.ToString())], p.PublicKey))]);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(VpnJson.Serialize(report));
                return ExitCodes.Ok;
            }

            environment.Console.MarkupLine(
                $"[bold]{Markup.Escape(server.Interface)}[/] {Markup.Escape(string.Join(", ", report.Addresses))}, endpoint {Markup.Escape(report.Endpoint)}");
            if (report.Peers.Count == 0)
            {
                environment.Console.MarkupLine("no peers yet; add one with: homelab-manager vpn peer add NAME");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("NAME").AddColumn("ADDRESS").AddColumn("PUBLIC KEY");
            foreach (var peer in report.Peers)
            {
                table.AddRow(Markup.Escape(peer.Name), Markup.Escape(string.Join(", ", peer.Addresses)), Markup.Escape(peer.PublicKey));
            }

            environment.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
