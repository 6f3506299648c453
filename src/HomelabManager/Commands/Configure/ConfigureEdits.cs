using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;

namespace HomelabManager.Commands.Configure;

/// <summary>Writes a <see cref="ConfigurePlan"/> into the file's text, touching only the keys it changes.</summary>
internal static class ConfigureEdits
{
    /// <summary>The header of a file configure creates.</summary>
    public const string NewFileHeader =
        "# homelab.yaml: cluster-wide settings for homelab-manager (written by `homelab-manager configure`;\n" +
        "# re-running it keeps your comments and everything it does not change).\n" +
        "# Secrets are ${VARIABLE} (environment or .env) or vault:PATH#KEY references, never values.\n\n";

    /// <summary>The new text of the file.</summary>
    /// <exception cref="InvalidOperationException">The file's shape does not allow an edit (e.g. a section that is a list).</exception>
    public static string Apply(ConfigureState state, ConfigurePlan plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var editor = new YamlTextEditor(state.Exists ? state.Text : NewFileHeader);
        foreach (var (kind, value) in plan.Homelab.OrderBy(h => h.Key))
        {
            var path = new ConfigureKey(kind).YamlPath;
            if (kind == ConfigureKeyKind.Datacenters)
            {
                if (state.HomelabValue(kind) != string.Join(", ", AnswerRules.Datacenters(value)))
                {
                    editor.Set(path, YamlEditValue.Sequence([.. AnswerRules.Datacenters(value).Select(YamlEditValue.Scalar)]));
                }
            }
            else
            {
                editor.SetScalar(path, value);
            }
        }

        foreach (var section in plan.Sections)
        {
            var key = IntegrationCategories.KeyOf(section.Category);
            if (section.NewProvider is null)
            {
                editor.Remove(key);
                continue;
            }

            if (section.ProviderChanges)
            {
                editor.SetScalar([key, "provider"], section.NewProvider);
                editor.Remove(key, "config");
                var values = section.Values.Where(v => v.Value.Length > 0)
                    .Select(v => new KeyValuePair<string, YamlEditValue>(v.Key, YamlEditValue.Scalar(v.Value))).ToList();
                if (values.Count > 0)
                {
                    editor.Set([key, "config"], YamlEditValue.Mapping(values));
                }

                continue;
            }

            foreach (var (name, value) in section.Values)
            {
                if (value.Length == 0)
                {
                    editor.Remove(key, "config", name);
                }
                else
                {
                    editor.SetScalar([key, "config", name], value);
                }
            }
        }

        return editor.Text;
    }
}
