using HomelabManager.Configuration;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// WireGuard as the homelab's VPN: a server interface on the nodes (wg-quick config, or the NixOS module of
/// <c>node nixos</c>) and a list of peers that <c>vpn peer add</c> maintains. Private keys stay in Vault: the server's
/// at <c>private_key</c>, each peer's beside it under <c>peers/&lt;name&gt;</c>. homelab.yaml holds only public keys.
/// </summary>
/// <remarks>
/// It offers no DNS target (<see cref="IDnsTargetProvider"/>): WireGuard users reach services through the tunnel,
/// so public names keep pointing where the dns provider's own <c>target</c> says; the VPN endpoint's name is the
/// user's to manage, as it is usually a dynamic-DNS name of the router.
/// </remarks>
internal sealed class WireGuardProvider : IIntegrationProvider
{
    /// <summary>The <c>provider:</c> value.</summary>
    public const string ProviderName = "wireguard";

    /// <inheritdoc />
    public IntegrationCategory Category => IntegrationCategory.Vpn;

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string Description => "WireGuard: a VPN server on the nodes; peers added with `vpn peer add`, keys kept in Vault";

    /// <inheritdoc />
    public IReadOnlyList<ProviderOption> Options => WireGuardOptions.All;

    /// <inheritdoc />
    public void Validate(IntegrationSection section, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        ProviderOptionValidator.Validate(WithoutPeers(section), Options, context.Diagnostics);
        WireGuardConfigReader.ReadLiteral(section.Config, Options, context.Diagnostics);
    }

    /// <inheritdoc />
    public IntegrationContribution Contribute(IntegrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = WireGuardConfigReader.Read(context.Settings, context.Diagnostics);
        if (server is null)
        {
            return IntegrationContribution.Empty;
        }

        var read = WireGuardConfigFiles.VaultRead(server.PrivateKey, context.JobOptions.Vault);
        var note = $"A consul-template template: the private key is read from Vault ({server.PrivateKey.Path}) when it is rendered.";
        var text = WireGuardConfigFiles.RenderServer(context.Templates, server, read, note);
        return new IntegrationContribution
        {
            Files = [new RenderedFile(WireGuardConfigFiles.ServerFilePath(server), text, Sensitive: true)],
        };
    }

    /// <summary>The section without <c>peers</c>, for the option checks (the peer list is not an option).</summary>
    private static IntegrationSection WithoutPeers(IntegrationSection section)
    {
        var config = section.Config;
        var entries = config.Entries.Where(e => e.Name != WireGuardOptions.PeersKey).ToList();
        return entries.Count == config.Entries.Count
            ? section
            : section with { Config = new ConfigMapping(config.Source, config.Range, config.KeyPath, config.KeyRange, entries) };
    }
}
