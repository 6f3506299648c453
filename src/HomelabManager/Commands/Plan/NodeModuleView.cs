using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Nodes.NixOs;
using Spectre.Console;

namespace HomelabManager.Commands.Plan;

/// <summary>How <c>plan</c> tells that a NixOS module in the homelab folder must be regenerated.</summary>
internal static class NodeModuleView
{
    /// <summary>One paragraph per stale module: the changed lines and the command that regenerates it.</summary>
    public static void WriteText(CommandEnvironment environment, IReadOnlyList<StaleModule> stale)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stale);
        var console = environment.Console;
        foreach (var module in stale)
        {
            var shown = Markup.Escape(environment.Relative(module.Path));
            console.WriteLine();
            console.MarkupLine($"[yellow]NixOS module {shown} must be regenerated[/] (node firewall ports, WireGuard peers or docker settings changed):");
            foreach (var line in module.Changes)
            {
                var colour = line.StartsWith('+') ? "green" : line.StartsWith('-') ? "red" : "grey";
                console.MarkupLine($"  [{colour}]{Markup.Escape(line)}[/]");
            }

            console.MarkupLine($"Run [bold]homelab-manager node nixos --out {shown}[/] and rebuild the nodes (deploy does not change them).");
        }
    }

    /// <summary>The <c>staleNodeModules</c> array of <c>plan --output json</c>.</summary>
    public static void WriteJson(Utf8JsonWriter json, CommandEnvironment environment, IReadOnlyList<StaleModule> stale)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(stale);
        json.WriteStartArray("staleNodeModules");
        foreach (var module in stale)
        {
            json.WriteStartObject();
            json.WriteString("path", environment.Relative(module.Path));
            json.WriteStartArray("changes");
            foreach (var line in module.Changes)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
