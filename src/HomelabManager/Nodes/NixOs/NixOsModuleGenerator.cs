using System.Text;
using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Integrations.Vpn.WireGuard;

namespace HomelabManager.Nodes.NixOs;

/// <summary>
/// The NixOS module a Nomad client node of the homelab needs: the firewall ports its services
/// publish, Docker, and the docker driver settings the generated jobs rely on. Output is sorted and
/// deterministic so it diffs cleanly. It configures, never installs or upgrades, Nomad.
/// </summary>
/// <remarks>
/// With the wireguard VPN provider it also opens the listen port and declares the interface and its peers
/// (<see cref="NixOsWireGuard"/>).
/// </remarks>
internal static class NixOsModuleGenerator
{
    /// <summary>Capabilities Nomad's docker driver allows when <c>allow_caps</c> is not set.</summary>
    public static readonly IReadOnlyList<string> DefaultCapabilities =
    [
        "audit_write", "chown", "dac_override", "fowner", "fsetid", "kill", "mknod",
        "net_bind_service", "setfcap", "setgid", "setpcap", "setuid", "sys_chroot",
    ];

    /// <summary>Ports the reverse proxy listens on when one is configured.</summary>
    private static readonly int[] ReverseProxyPorts = [80, 443];

    /// <summary>The module for <paramref name="definitions"/> (user and infrastructure services) and the WireGuard server, if any.</summary>
    public static string Generate(HomelabConfiguration? configuration, IReadOnlyList<ServiceDefinition> definitions, WireGuardServer? wireGuard = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var tcp = new SortedDictionary<int, SortedSet<string>>();
        var udp = new SortedDictionary<int, SortedSet<string>>();
        if (configuration?.ReverseProxy is { } proxy)
        {
            foreach (var port in ReverseProxyPorts)
            {
                Add(tcp, port, $"reverse proxy ({proxy.Provider})");
            }
        }

        if (wireGuard is not null)
        {
            Add(udp, wireGuard.ListenPort, NixOsWireGuard.PortReason(wireGuard));
        }

        foreach (var service in definitions)
        {
            foreach (var port in service.Container.Ports)
            {
                if (port.External is { } external)
                {
                    Add(port.Protocol == PortProtocol.Udp ? udp : tcp, external, Describe(service));
                }
            }
        }

        var privileged = definitions.Where(d => d.Container.Privileged).Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var added = definitions
            .SelectMany(d => d.Container.CapAdd.Select(c => (Capability: NormalizeCapability(c), Service: d.Name)))
            .Where(c => c.Capability.Length > 0)
            .ToList();
        var addingServices = added.Select(c => c.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var capabilities = DefaultCapabilities.Concat(added.Select(c => c.Capability)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var text = new StringBuilder();
        text.Append(GeneratedModuleFiles.HeaderLine).Append('\n');
        text.Append("# Do not edit: regenerate with `homelab-manager node nixos --out FILE`, verify with --check FILE.\n");
        text.Append("# Import it from the configuration of every Nomad client node of the homelab.\n");
        text.Append("{ config, lib, pkgs, ... }:\n");
        text.Append("{\n");
        text.Append("  # Static host ports of the services (Nomad reserved ports) and the reverse proxy, opened on the node.\n");
        WritePorts(text, "networking.firewall.allowedTCPPorts", tcp);
        WritePorts(text, "networking.firewall.allowedUDPPorts", udp);
        text.Append('\n');
        text.Append("  # Every job runs its container with Nomad's docker driver.\n");
        text.Append("  virtualisation.docker.enable = true;\n");
        text.Append('\n');
        text.Append("  # Docker driver settings the generated jobs rely on; installing and running Nomad is configured elsewhere.\n");
        if (privileged.Count == 0 && addingServices.Count == 0)
        {
            text.Append("  # No job runs privileged or adds capabilities: Nomad's defaults suffice.\n");
            text.Append("  services.nomad.settings.plugin.docker.config = { };\n");
        }
        else
        {
            text.Append("  services.nomad.settings.plugin.docker.config = {\n");
            if (privileged.Count > 0)
            {
                text.Append("    # privileged = true in: ").Append(NixText.CommentText(string.Join(", ", privileged))).Append('\n');
                text.Append("    allow_privileged = true;\n");
            }

            if (addingServices.Count > 0)
            {
                text.Append("    # Nomad's default capabilities plus cap_add of: ").Append(NixText.CommentText(string.Join(", ", addingServices))).Append('\n');
                text.Append("    allow_caps = ").Append(NixText.StringList(capabilities)).Append(";\n");
            }

            text.Append("  };\n");
        }

        if (wireGuard is not null)
        {
            text.Append('\n');
            NixOsWireGuard.Write(text, wireGuard);
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>Nomad's spelling of a capability: lower case without the <c>CAP_</c> prefix.</summary>
    public static string NormalizeCapability(string capability)
    {
        var lower = capability.Trim().ToLowerInvariant();
        return lower.StartsWith("cap_", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    private static string Describe(ServiceDefinition service) =>
        string.IsNullOrWhiteSpace(service.Description) ? service.Name : $"{service.Name} ({service.Description.Trim()})";

    private static void Add(SortedDictionary<int, SortedSet<string>> ports, int port, string reason)
    {
        if (!ports.TryGetValue(port, out var reasons))
        {
            reasons = new SortedSet<string>(StringComparer.Ordinal);
            ports[port] = reasons;
        }

        reasons.Add(reason);
    }

    private static void WritePorts(StringBuilder text, string option, SortedDictionary<int, SortedSet<string>> ports)
    {
        if (ports.Count == 0)
        {
            text.Append("  ").Append(option).Append(" = [ ];\n");
            return;
        }

        text.Append("  ").Append(option).Append(" = [\n");
        foreach (var (port, reasons) in ports)
        {
            text.Append("    ").Append(NixText.Int(port)).Append(" # ").Append(NixText.CommentText(string.Join("; ", reasons))).Append('\n');
        }

        text.Append("  ];\n");
    }
}
