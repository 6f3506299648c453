using HomelabManager.Configuration;
using HomelabManager.Definitions;

namespace HomelabManager.Nodes.NixOs;

/// <summary>A generated NixOS module in the homelab folder that no longer matches the homelab.</summary>
/// <param name="Path">Full path of the module file.</param>
/// <param name="Changes">Lines removed (<c>-</c>) and added (<c>+</c>) by regenerating it, e.g. <c>+    8080 # nextcloud</c>.</param>
internal sealed record StaleModule(string Path, IReadOnlyList<string> Changes);

/// <summary>
/// Compares the generated modules found in a homelab folder with what <c>node nixos</c> would generate now: a
/// difference means firewall ports, WireGuard peers or docker settings changed and the nodes need the new module.
/// </summary>
internal static class ModuleFreshness
{
    /// <summary>The stale modules under <paramref name="homelabDirectory"/>; empty when all match or none exists.</summary>
    public static IReadOnlyList<StaleModule> Check(string homelabDirectory, HomelabConfiguration? configuration, IReadOnlyList<ServiceDefinition> definitions)
    {
        var files = GeneratedModuleFiles.Find(homelabDirectory);
        if (files.Count == 0)
        {
            return [];
        }

        var module = NixOsModuleGenerator.Generate(configuration, definitions);
        var stale = new List<StaleModule>();
        foreach (var file in files)
        {
            string existing;
            try
            {
                existing = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue;
            }

            if (!string.Equals(existing, module, StringComparison.Ordinal))
            {
                stale.Add(new StaleModule(file, LineDiff.Hint(existing, module)));
            }
        }

        return stale;
    }
}
