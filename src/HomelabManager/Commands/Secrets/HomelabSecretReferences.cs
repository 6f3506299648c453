using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Homelab;
using HomelabManager.Secrets;

namespace HomelabManager.Commands.Secrets;

/// <summary>Every <c>vault:PATH#KEY</c> a homelab uses: service env values and values in homelab.yaml's integration sections.</summary>
internal static class HomelabSecretReferences
{
    /// <summary>Reference → where it is used, in first-use order.</summary>
    public static IReadOnlyList<(VaultReference Reference, IReadOnlyList<string> UsedBy)> Collect(LoadedHomelab homelab)
    {
        ArgumentNullException.ThrowIfNull(homelab);
        var uses = new List<(VaultReference Reference, string UsedBy)>();
        foreach (var service in homelab.Services.Select(s => s.Definition))
        {
            foreach (var variable in service.Env)
            {
                if (variable.Value is VaultEnvValue vault)
                {
                    uses.Add((vault.Reference, $"service {service.Name} ({variable.Name})"));
                }
            }
        }

        foreach (var section in homelab.Configuration?.Integrations ?? [])
        {
            Walk(section.Config, uses);
        }

        return [.. uses
            .GroupBy(u => u.Reference.ToString(), StringComparer.Ordinal)
            .Select(g => (g.First().Reference, (IReadOnlyList<string>)[.. g.Select(u => u.UsedBy).Distinct(StringComparer.Ordinal)]))];
    }

    private static void Walk(ConfigValue value, List<(VaultReference Reference, string UsedBy)> uses)
    {
        switch (value)
        {
            case ConfigScalar scalar when !scalar.HasPlaceholders && VaultReference.TryParse(scalar.Text, out var reference):
                uses.Add((reference, $"homelab.yaml {scalar.KeyPath}"));
                break;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Walk(entry.Value, uses);
                }

                break;
            case ConfigSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Walk(item, uses);
                }

                break;
        }
    }
}
