using HomelabManager.Configuration;
using HomelabManager.Configuration.Editing;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using YamlDotNet.Core;

namespace HomelabManager.Commands.Configure;

/// <summary>The <c>homelab.yaml</c> configure starts from (possibly none): its text and the values it already holds.</summary>
internal sealed class ConfigureState
{
    private readonly YamlTextEditor _reader;

    private ConfigureState(string path, string? text)
    {
        Path = path;
        Exists = text is not null;
        Text = text ?? string.Empty;
        _reader = new YamlTextEditor(Text);
    }

    /// <summary>The file's absolute path.</summary>
    public string Path { get; }

    /// <summary>True when the file exists (re-runs edit it).</summary>
    public bool Exists { get; }

    /// <summary>The current text (empty for a new file).</summary>
    public string Text { get; }

    /// <summary>The state of a text already known to be YAML (e.g. what was just written).</summary>
    public static ConfigureState FromText(string path, string text) => new(path, text);

    /// <summary>Reads <c>homelab.yaml</c> in <paramref name="directory"/>; null (with diagnostics) when it exists but is not editable YAML.</summary>
    public static ConfigureState? Load(string directory, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var path = HomelabConfigurationFile.PathIn(directory);
        string? text = null;
        try
        {
            if (File.Exists(path))
            {
                if (new FileInfo(path).Length > HomelabConfigurationLoader.MaxFileBytes)
                {
                    diagnostics.Add(ConfigureDiagnostics.CannotEdit(path, $"The file is larger than {HomelabConfigurationLoader.MaxFileBytes} bytes."));
                    return null;
                }

                text = File.ReadAllText(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(ConfigurationDiagnostics.FileUnreadable(path, ex.Message));
            return null;
        }

        if (text is not null)
        {
            // The loader's own YAML checks (syntax, nesting, several documents) decide whether the file can be edited.
            var loaded = HomelabConfigurationLoader.Parse(new SourceText(path, text), DictionaryVariables.Empty);
            var yamlProblems = loaded.Diagnostics.Where(d => d.Code is "HLM102" or "HLM103" or "HLM104" or "HLM105").ToList();
            if (yamlProblems.Count > 0)
            {
                diagnostics.AddRange(yamlProblems);
                return null;
            }
        }

        try
        {
            return new ConfigureState(path, text);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(ConfigureDiagnostics.CannotEdit(path, ex.Message));
            return null;
        }
    }

    /// <summary>The current value of a homelab key (datacenters comma-joined), or null.</summary>
    public string? HomelabValue(ConfigureKeyKind kind) => kind == ConfigureKeyKind.Datacenters
        ? _reader.GetScalars("homelab", "datacenters") is { Count: > 0 } names ? string.Join(", ", names) : null
        : _reader.GetScalar(new ConfigureKey(kind).YamlPath);

    /// <summary>The provider of <paramref name="category"/>, or null when the section is absent.</summary>
    public string? ProviderOf(IntegrationCategory category) => _reader.GetScalar(IntegrationCategories.KeyOf(category), "provider");

    /// <summary>The keys of the category's <c>config:</c>, in file order.</summary>
    public IReadOnlyList<string> ConfigKeys(IntegrationCategory category) => _reader.KeysAt(IntegrationCategories.KeyOf(category), "config");

    /// <summary>The current text of one config key (may be a reference: never print it), or null.</summary>
    public string? ConfigValue(IntegrationCategory category, string key) => _reader.GetScalar(IntegrationCategories.KeyOf(category), "config", key);

    /// <summary>True when the category has a section.</summary>
    public bool HasSection(IntegrationCategory category) => _reader.Contains(IntegrationCategories.KeyOf(category));
}
