using System.Globalization;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// Turns <c>vpn.config</c> into a <see cref="WireGuardServer"/>. The options' own checks report bad values (the
/// provider's option list); this reader reports problems of the peer list and returns null while any server value is
/// unknown (a placeholder not filled yet) or invalid.
/// </summary>
internal static class WireGuardConfigReader
{
    /// <summary>
    /// Reads the server and its peers. <paramref name="option"/> gives an option's value (resolved, default applied),
    /// or null when it is unknown or invalid.
    /// </summary>
    public static WireGuardServer? Read(ConfigMapping config, Func<string, string?> option, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var addressText = option("address");
        var addresses = addressText is null || WireGuardOptions.ServerAddresses(addressText) is not null
            ? null
            : WireGuardAddress.ParseList(addressText, defaultToHost: false, out _);
        var peers = WireGuardPeerReader.Read(config, addresses, diagnostics);

        var interfaceName = option("interface");
        var port = ParseInt(option("listen_port"));
        if (addresses is null || interfaceName is null || WireGuardOptions.InterfaceName(interfaceName) is not null
            || port is null || OptionRules.Port(port.Value.ToString(CultureInfo.InvariantCulture)) is not null)
        {
            return null;
        }

        var endpointText = option("endpoint");
        var privateKeyText = option("private_key");
        var keepalive = ParseInt(option("persistent_keepalive"));
        var dnsText = option("dns");
        var dns = string.IsNullOrWhiteSpace(dnsText) ? [] : WireGuardOptions.ParseDns(dnsText);
        var allowedText = option("peer_allowed_ips");
        var allowed = string.IsNullOrWhiteSpace(allowedText)
            ? [.. addresses.Select(a => new WireGuardAddress(a.Network.BaseAddress, a.PrefixLength))]
            : WireGuardAddress.ParseList(allowedText, defaultToHost: true, out _);
        if (endpointText is null || !WireGuardEndpoint.TryParse(endpointText, port.Value, out var endpoint, out _)
            || privateKeyText is null || !VaultReference.TryParse(privateKeyText, out var privateKey, out _)
            || keepalive is not (>= 0 and <= 65535) || dns is null || allowed is null)
        {
            return null;
        }

        return new WireGuardServer(interfaceName, port.Value, addresses, endpoint, privateKey, dns, allowed, keepalive.Value, peers);
    }

    /// <summary>Reads with the literal values of the file: options written with a placeholder count as unknown (offline validation).</summary>
    public static WireGuardServer? ReadLiteral(ConfigMapping config, IReadOnlyList<ProviderOption> options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Read(config, name => config.Find(name) switch
        {
            ConfigScalar { IsNull: false } scalar => scalar.HasPlaceholders || scalar.HasMalformedPlaceholder ? null : scalar.Text,
            null or ConfigScalar => options.First(o => o.Name == name).Default,
            _ => null,
        }, diagnostics);
    }

    /// <summary>Reads through <paramref name="settings"/> (placeholders filled; a missing variable is reported there).</summary>
    public static WireGuardServer? Read(ProviderSettings settings, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Read(settings.Section.Config, settings.GetString, diagnostics);
    }

    private static int? ParseInt(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
