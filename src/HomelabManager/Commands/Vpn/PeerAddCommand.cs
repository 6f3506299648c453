using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Commands.Secrets;
using HomelabManager.Configuration.Editing;
using HomelabManager.Integrations.Templates;
using HomelabManager.Integrations.Vpn.WireGuard;
using Spectre.Console;

namespace HomelabManager.Commands.Vpn;

/// <summary>
/// <c>vpn peer add NAME [--address IP]</c>: a new key pair whose private key goes to Vault only, the server's key created
/// in Vault when missing, the peer (public key and next free address) appended to homelab.yaml with everything else in
/// the file kept, and the peer's wg-quick config printed on standard output with its QR code on standard error.
/// </summary>
internal static class PeerAddCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The peer's name, e.g. laptop (letters, digits, '.', '-', '_')" };
        var address = new Option<string?>("--address")
        {
            Description = "Its address in the tunnel, e.g. 10.8.0.7 (one IPv4 and/or one IPv6, comma-separated); default: the next free one",
            HelpName = "IP",
        };
        var command = new Command("add", "Add a peer: keys in Vault, its public key in homelab.yaml; prints its config (stdout) and QR code (stderr)") { name, address };
        context.SetAction(command, (parseResult, environment, cancellationToken) => VpnCommand.RunAsync(environment, async () =>
        {
            var lab = WireGuardHomelab.Load(environment);
            if (lab is null)
            {
                return ExitCodes.InvalidInput;
            }

            var peerName = parseResult.GetValue(name)!;
            if (WireGuardPeerReader.NameProblem(peerName) is { } problem)
            {
                throw new VpnUsageException($"'{peerName}' cannot name a peer. {problem}", ExitCodes.InvalidInput);
            }

            if (lab.Server.Peers.Any(p => string.Equals(p.Name, peerName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new VpnUsageException(
                    $"a peer named '{peerName}' is already in homelab.yaml; remove it first with: homelab-manager vpn peer remove {peerName}",
                    ExitCodes.InvalidInput);
            }

            var addresses = ChooseAddresses(lab, parseResult.GetValue(address));
            var pair = WireGuardKeys.Generate();
            var peer = new WireGuardPeer(peerName, pair.PublicKey, addresses);
            var item = YamlEditValue.Mapping(
                new KeyValuePair<string, YamlEditValue>("name", YamlEditValue.Quoted(peer.Name)),
                new KeyValuePair<string, YamlEditValue>("public_key", YamlEditValue.Quoted(peer.PublicKey)),
                new KeyValuePair<string, YamlEditValue>("address", YamlEditValue.Quoted(WireGuardAddress.Join(peer.Addresses))));
            var text = WireGuardHomelab.Edit(lab.Source.Text, "add the peer to", editor => editor.AppendToSequence(WireGuardHomelab.PeersPath, item));

            // Everything that can fail offline is checked before Vault is written.
            bool Added(IReadOnlyList<WireGuardPeer> peers) =>
                peers.Count == lab.Server.Peers.Count + 1 && peers.Any(p => p.Name == peer.Name && p.PublicKey == peer.PublicKey);
            lab.Verify(text, Added);
            var templates = new TemplateRenderer(lab.Homelab.Directory);
            WireGuardConfigFiles.RenderPeer(templates, lab.Server, peer, pair.PrivateKey, pair.PublicKey);

            using var clients = context.Clients(parseResult, environment);
            var vault = new WireGuardVault(clients.Vault, SecretsCommand.Mounts(clients.Vault, environment, lab.Vault));
            var (serverPublicKey, created) = await vault.EnsureServerKeyAsync(lab.Server.PrivateKey, cancellationToken);
            var peerKey = lab.Server.PeerPrivateKey(peer.Name);
            await vault.StorePeerKeyAsync(peerKey, pair, cancellationToken);
            lab.Save(text, Added);

            var config = WireGuardConfigFiles.RenderPeer(templates, lab.Server, peer, pair.PrivateKey, serverPublicKey);
            var where = $"vault:{peerKey.Path}#{peerKey.Key}";
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(VpnJson.Serialize(new VpnPeerAddReport(
                    peer.Name, [.. peer.Addresses.Select(a => a.ToString())], peer.PublicKey, where, created, config)));
                return ExitCodes.Ok;
            }

            environment.RawOut.Write(config);
            environment.Host.Error.Write(TerminalQrCode.Render(WireGuardConfigFiles.WithoutComments(config)));
            var console = environment.ErrorConsole;
            if (created)
            {
                console.MarkupLine($"[green]✓[/] created the server's key pair in Vault ({Markup.Escape($"vault:{lab.Server.PrivateKey.Path}#{lab.Server.PrivateKey.Key}")})");
            }

            console.MarkupLine($"[green]✓[/] added peer [bold]{Markup.Escape(peer.Name)}[/] ({Markup.Escape(WireGuardAddress.Join(peer.Addresses))}) to homelab.yaml; its private key is in Vault ({Markup.Escape(where)})");
            console.MarkupLine(
                $"Import the config above (standard output) or scan the QR code in the WireGuard app. The server learns the peer from " +
                $"[bold]homelab-manager node nixos[/] (or the rendered {Markup.Escape(lab.Server.Interface)}.conf).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IReadOnlyList<WireGuardAddress> ChooseAddresses(WireGuardHomelab lab, string? requested)
    {
        var server = lab.Server;
        var used = server.Peers.SelectMany(p => p.Addresses.Select(a => (Address: a.Address, Peer: p.Name))).ToList();
        if (requested is null)
        {
            return WireGuardAddressPool.NextFree(server.Addresses, used.Select(u => u.Address))
                ?? throw new VpnUsageException("the VPN network has no free address left; give a larger network in vpn.config.address", ExitCodes.InvalidInput);
        }

        var parsed = WireGuardAddress.ParseList(requested, defaultToHost: true, out var error)
            ?? throw new VpnUsageException($"--address: {error}", ExitCodes.InvalidInput);
        if (parsed.GroupBy(a => a.IsIPv6).Any(g => g.Count() > 1))
        {
            throw new VpnUsageException("--address: give at most one IPv4 and one IPv6 address", ExitCodes.InvalidInput);
        }

        foreach (var address in parsed)
        {
            if (WireGuardAddressPool.PeerAddressProblem(address, server.Addresses) is { } problem)
            {
                throw new VpnUsageException($"--address: {problem}", ExitCodes.InvalidInput);
            }

            if (used.FirstOrDefault(u => u.Address.Equals(address.Address)) is { Peer: { } owner })
            {
                throw new VpnUsageException($"--address: {address.Address} is already the address of peer '{owner}'", ExitCodes.InvalidInput);
            }
        }

        return [.. parsed.Select(a => a.AsHost)];
    }
}
