using System.Globalization;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations;

/// <summary>
/// A validated <c>config:</c> section read through its <see cref="ProviderOption"/>s: values resolved (<c>${VAR}</c>
/// filled, at use time), defaults applied. A missing variable is reported once, at the placeholder, and the
/// option's default (or null) is returned so the caller can go on collecting problems.
/// </summary>
internal sealed class ProviderSettings
{
    private readonly IntegrationSection _section;
    private readonly IReadOnlyList<ProviderOption> _declared;
    private readonly Dictionary<string, ProviderOption> _options;
    private readonly IVariableSource _variables;
    private readonly DiagnosticBag _diagnostics;

    public ProviderSettings(IntegrationSection section, IReadOnlyList<ProviderOption> options, IVariableSource variables, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _section = section ?? throw new ArgumentNullException(nameof(section));
        _declared = options;
        _options = options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _variables = variables ?? throw new ArgumentNullException(nameof(variables));
        _diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
    }

    /// <summary>The section these settings come from.</summary>
    public IntegrationSection Section => _section;

    /// <summary>The resolved text of <paramref name="name"/>, else its default; null when neither.</summary>
    public string? GetString(string name)
    {
        var option = OptionOf(name);
        var scalar = _section.Config.Find(name) as ConfigScalar;
        if (scalar is null || scalar.IsNull)
        {
            return option.Default;
        }

        var text = scalar.Resolve(_variables, _diagnostics);
        if (text is null)
        {
            return option.Default;
        }

        // Placeholder values are checked here, once filled.
        if (scalar.HasPlaceholders && option.Kind != OptionKind.Secret
            && (ProviderOptionValidator.KindProblem(option, text) ?? option.Validator?.Invoke(text)) is { } problem)
        {
            _diagnostics.Add(ConfigurationDiagnostics.InvalidValue(scalar.Path, scalar.Range, scalar.KeyPath, problem));
            return option.Default;
        }

        return text;
    }

    /// <summary>
    /// A variable of the homelab's environment (the command's environment, then <c>.env</c>), e.g. <c>AWS_ACCESS_KEY_ID</c>
    /// when a provider falls back to a conventional variable; null when unset.
    /// </summary>
    public string? Variable(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Like <see cref="GetString"/>, but never null: the validated required value or the default.</summary>
    public string GetRequiredString(string name) => GetString(name) ?? string.Empty;

    /// <summary>The whole number at <paramref name="name"/> (or its default).</summary>
    public int GetInt(string name) =>
        int.TryParse(GetString(name)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The boolean at <paramref name="name"/> (or its default).</summary>
    public bool GetBool(string name) => bool.TryParse(GetString(name)?.Trim(), out var value) && value;

    /// <summary>The <c>vault:</c> reference at <paramref name="name"/>; null when absent or not a reference.</summary>
    public VaultReference? GetVaultReference(string name)
    {
        var text = GetString(name);
        if (text is null)
        {
            return null;
        }

        if (VaultReference.TryParse(text, out var reference))
        {
            return reference;
        }

        var scalar = _section.Config.Find(name);
        _diagnostics.Add(IntegrationDiagnostics.VaultReferenceRequired(scalar?.Path ?? _section.Config.Path, scalar?.Range ?? _section.Range, scalar?.KeyPath ?? name));
        return null;
    }

    /// <summary>The secret options whose value is a <c>vault:</c> reference, with it, in declaration order (names only, no values).</summary>
    public IReadOnlyList<(string Option, VaultReference Reference)> SecretReferences()
    {
        var references = new List<(string Option, VaultReference Reference)>();
        foreach (var option in _declared.Where(o => o.Kind == OptionKind.Secret))
        {
            if (GetString(option.Name) is { } text && VaultReference.TryParse(text, out var reference))
            {
                references.Add((option.Name, reference));
            }
        }

        return references;
    }

    /// <summary>Where <paramref name="name"/> is in homelab.yaml, e.g. <c>dns.config.api_token</c> (for messages).</summary>
    public string KeyPathOf(string name) =>
        _section.Config.Find(name)?.KeyPath ?? $"{_section.Config.KeyPath}.{name}";

    private ProviderOption OptionOf(string name) =>
        _options.TryGetValue(name, out var option)
            ? option
            : throw new InvalidOperationException($"provider option '{name}' is not declared");
}
