using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;
using HomelabManager.Hcl.Schema;
using Spectre.Console;

namespace HomelabManager.Commands.Vpn;

/// <summary>
/// <c>vpn peer remove NAME</c>: takes the peer out of homelab.yaml (the rest of the file kept). Its private key stays in
/// Vault: the command says where, for whoever wants it deleted.
/// </summary>
internal static class PeerRemoveCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The peer to remove" };
        var command = new Command("remove", "Remove a peer from homelab.yaml (offline; its key in Vault is left alone)") { name };
        context.SetAction(command, (parseResult, environment, _) => VpnCommand.RunAsync(environment, () =>
        {
            var lab = WireGuardHomelab.Load(environment);
            if (lab is null)
            {
                return Task.FromResult(ExitCodes.InvalidInput);
            }

            var peerName = parseResult.GetValue(name)!;
            var items = lab.PeerList?.Items ?? [];
            var index = -1;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is ConfigMapping item && item.Find("name") is ConfigScalar { Text: var text } && text == peerName)
                {
                    index = i;
                }
            }

            if (index < 0)
            {
                var hint = Suggestions.DidYouMean(peerName, lab.Server.Peers.Select(p => p.Name).ToList());
                throw new VpnUsageException($"there is no peer named '{peerName}' in homelab.yaml. {hint}".TrimEnd(), ExitCodes.InvalidInput);
            }

            var edited = WireGuardHomelab.Edit(lab.Source.Text, "remove the peer from", editor => editor.RemoveSequenceItem(WireGuardHomelab.PeersPath, index));
            lab.Save(edited, peers => peers.Count == lab.Server.Peers.Count - 1 && peers.All(p => p.Name != peerName));
            var key = lab.Server.PeerPrivateKey(peerName);
            var where = $"vault:{key.Path}#{key.Key}";
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(VpnJson.Serialize(new VpnPeerRemoveReport(peerName, where)));
                return Task.FromResult(ExitCodes.Ok);
            }

            environment.Console.MarkupLine($"[green]✓[/] removed peer [bold]{Markup.Escape(peerName)}[/] from homelab.yaml");
            environment.Console.MarkupLine(
                $"Its private key is still in Vault ({Markup.Escape(where)}). The server drops the peer when its config is regenerated ([bold]homelab-manager node nixos[/]).");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
