using HomelabManager.Cli;
using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Homelab;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Commands.Vpn;

/// <summary>A valid homelab whose vpn provider is wireguard, with its server read (placeholders filled).</summary>
/// <param name="Homelab">The loaded homelab.</param>
/// <param name="Section">The <c>vpn:</c> section.</param>
/// <param name="Server">The server and its peers.</param>
internal sealed record WireGuardHomelab(LoadedHomelab Homelab, IntegrationSection Section, WireGuardServer Server)
{
    /// <summary>homelab.yaml's text as it was read (the base of every edit).</summary>
    public SourceText Source => Section.Config.Source;

    /// <summary>homelab.yaml's absolute path.</summary>
    public string FilePath => Path.Combine(Homelab.Directory, HomelabConfigurationLoader.FileName);

    /// <summary>The homelab's Vault settings.</summary>
    public VaultSettings Vault => Homelab.Configuration!.Homelab.Vault;

    /// <summary>The <c>peers</c> list as written; null when there is none.</summary>
    public ConfigSequence? PeerList => Section.Config.Find(WireGuardOptions.PeersKey) as ConfigSequence;

    /// <summary>The key path of the <c>peers</c> list in homelab.yaml.</summary>
    public static IReadOnlyList<string> PeersPath { get; } = ["vpn", "config", WireGuardOptions.PeersKey];

    /// <summary>
    /// homelab.yaml's <paramref name="text"/> after <paramref name="edit"/>; an edit the file's layout does not allow
    /// becomes a <see cref="VpnUsageException"/> saying it cannot <paramref name="what"/> homelab.yaml and why.
    /// </summary>
    public static string Edit(string text, string what, Action<YamlTextEditor> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        try
        {
            var editor = new YamlTextEditor(text);
            edit(editor);
            return editor.Text;
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            throw new VpnUsageException($"cannot {what} homelab.yaml: {ex.Message}", ExitCodes.InvalidInput);
        }
    }

    /// <summary>Loads the homelab of <c>--dir</c>; prints what is wrong and returns null when it is not a valid wireguard homelab.</summary>
    public static WireGuardHomelab? Load(CommandEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var homelab = HomelabInput.Load(environment, reportWhenValid: false);
        if (homelab.HasErrors)
        {
            return null;
        }

        var file = Path.Combine(homelab.Directory, HomelabConfigurationLoader.FileName);
        if (homelab.Configuration?.Vpn is not { Provider: WireGuardProvider.ProviderName } section)
        {
            HomelabInput.Report(environment, [WireGuardDiagnostics.NotConfigured(file, homelab.Configuration)]);
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var settings = new ProviderSettings(section, WireGuardOptions.All, homelab.Variables, diagnostics);
        var server = WireGuardConfigReader.Read(settings, diagnostics);
        if (server is null || diagnostics.HasErrors)
        {
            HomelabInput.Report(environment, diagnostics);
            return null;
        }

        return new WireGuardHomelab(homelab, section, server);
    }

    /// <summary>
    /// Writes <paramref name="text"/> as the new homelab.yaml (atomically, mode 0600) unless the file changed since it was
    /// read, and unless the new text fails to load with the peers <paramref name="expected"/>.
    /// </summary>
    public void Save(string text, Func<IReadOnlyList<WireGuardPeer>, bool> expected)
    {
        Verify(text, expected);
        if (!string.Equals(File.ReadAllText(FilePath), Source.Text, StringComparison.Ordinal))
        {
            throw new VpnUsageException("homelab.yaml changed while the command ran; run it again", ExitCodes.Failure);
        }

        FileSystem.AtomicFile.WriteAllText(FilePath, text, FileSystem.AtomicFile.OwnerReadWrite);
    }

    /// <summary>Throws unless <paramref name="text"/> loads without errors and its peers are what <paramref name="expected"/> wants.</summary>
    public void Verify(string text, Func<IReadOnlyList<WireGuardPeer>, bool> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var reread = HomelabConfigurationLoader.Parse(new SourceText(Source.Path, text), Homelab.Variables);
        var diagnostics = new DiagnosticBag();
        var peers = reread.Configuration?.Vpn is { } section ? WireGuardPeerReader.Read(section.Config, Server.Addresses, diagnostics) : null;
        if (reread.Diagnostics.Any(d => d.IsError) || diagnostics.HasErrors || peers is null || !expected(peers))
        {
            throw new VpnUsageException("homelab.yaml could not be edited safely (its layout is unusual); make the change by hand", ExitCodes.Failure);
        }
    }
}
