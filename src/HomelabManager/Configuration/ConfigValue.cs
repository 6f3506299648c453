using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration;

/// <summary>
/// One value of <c>homelab.yaml</c> kept with its position, so that whoever validates it later (a provider
/// checking its <c>config</c> section) can put diagnostics on the right line. A value's text is never part
/// of <see cref="object.ToString"/>: it may be a secret.
/// </summary>
public abstract class ConfigValue
{
    private protected ConfigValue(SourceText source, SourceRange range, string keyPath, SourceRange? keyRange)
    {
        Source = source;
        Range = range;
        KeyPath = keyPath;
        KeyRange = keyRange;
    }

    /// <summary>The file the value was read from.</summary>
    public SourceText Source { get; }

    /// <summary>The path shown in diagnostics.</summary>
    public string Path => Source.Path;

    /// <summary>Where the value is written.</summary>
    public SourceRange Range { get; }

    /// <summary>Where the key that holds this value is written; null for the root and list items.</summary>
    public SourceRange? KeyRange { get; }

    /// <summary>Where a "missing key" diagnostic about this value goes: its key, else the value itself.</summary>
    public SourceRange OwnerRange => KeyRange ?? Range;

    /// <summary>Dotted key path from the document root, e.g. <c>dns.config.api_token</c> or <c>homelab.datacenters[0]</c>.</summary>
    public string KeyPath { get; }

    /// <summary>The last key of <see cref="KeyPath"/> (what a diagnostic calls the value).</summary>
    public string Key
    {
        get
        {
            var dot = KeyPath.LastIndexOf('.');
            return dot < 0 ? KeyPath : KeyPath[(dot + 1)..];
        }
    }

    /// <summary>What kind of value this is, for messages: "a string", "null", "a mapping", "a list".</summary>
    public abstract string Description { get; }

    /// <inheritdoc />
    public override string ToString() => $"{KeyPath} ({Description}) at {Path}:{Range.Start}";
}

/// <summary>A key/value pair of a <see cref="ConfigMapping"/>.</summary>
public sealed record ConfigEntry(ConfigScalar Key, ConfigValue Value)
{
    /// <summary>The key's text.</summary>
    public string Name => Key.Text;
}

/// <summary>A YAML mapping, keys in file order.</summary>
public sealed class ConfigMapping : ConfigValue
{
    private readonly Dictionary<string, ConfigEntry> _byName;

    internal ConfigMapping(SourceText source, SourceRange range, string keyPath, SourceRange? keyRange, IReadOnlyList<ConfigEntry> entries)
        : base(source, range, keyPath, keyRange)
    {
        Entries = entries;
        _byName = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byName.TryAdd(entry.Name, entry);
        }
    }

    /// <summary>The entries in file order.</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>The keys in file order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Name);

    /// <inheritdoc />
    public override string Description => "a mapping";

    /// <summary>An empty mapping standing in for an absent or null section.</summary>
    public static ConfigMapping Empty(SourceText source, SourceRange range, string keyPath, SourceRange? keyRange = null) =>
        new(source, range, keyPath, keyRange, []);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public ConfigValue? Find(string key) => _byName.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The entry (key and value) of <paramref name="key"/>, or null when absent.</summary>
    public ConfigEntry? FindEntry(string key) => _byName.GetValueOrDefault(key);

    /// <summary>Reports every key not in <paramref name="known"/> (HLM110, with a "did you mean" suggestion).</summary>
    public void ReportUnknownKeys(IReadOnlyCollection<string> known, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var entry in Entries)
        {
            if (!known.Contains(entry.Name))
            {
                diagnostics.Add(ConfigurationDiagnostics.UnknownKey(Path, entry.Key.Range, entry.Name, Where, known));
            }
        }
    }

    /// <summary>
    /// The scalar at <paramref name="key"/>; null when absent or YAML null. Any other kind is reported (HLM112).
    /// </summary>
    public ConfigScalar? GetScalar(string key, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (Find(key))
        {
            case null:
                return null;
            case ConfigScalar { IsNull: true }:
                return null;
            case ConfigScalar scalar:
                return scalar;
            case var other:
                diagnostics.Add(ConfigurationDiagnostics.WrongType(Path, other.Range, other.KeyPath, "a single value", other.Description));
                return null;
        }
    }

    /// <summary>Like <see cref="GetScalar"/>, but an absent or null value is reported as missing (HLM111).</summary>
    /// <param name="key">The key.</param>
    /// <param name="example">A line to show in the fix, e.g. <c>domain: lab.example.com</c>.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public ConfigScalar? GetRequiredScalar(string key, string example, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var value = Find(key);
        if (value is null or ConfigScalar { IsNull: true })
        {
            diagnostics.Add(ConfigurationDiagnostics.MissingKey(Path, value?.OwnerRange ?? OwnerRange, key, Where, example));
            return null;
        }

        return GetScalar(key, diagnostics);
    }

    /// <summary>The mapping at <paramref name="key"/>; null when absent or YAML null. Any other kind is reported (HLM112).</summary>
    public ConfigMapping? GetMapping(string key, DiagnosticBag diagnostics) => Get<ConfigMapping>(key, "a mapping", diagnostics);

    /// <summary>The list at <paramref name="key"/>; null when absent or YAML null. Any other kind is reported (HLM112).</summary>
    public ConfigSequence? GetSequence(string key, DiagnosticBag diagnostics) => Get<ConfigSequence>(key, "a list", diagnostics);

    private string Where => KeyPath.Length == 0 ? "at the top level" : $"under \"{KeyPath}\"";

    private T? Get<T>(string key, string expected, DiagnosticBag diagnostics)
        where T : ConfigValue
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (Find(key))
        {
            case null:
            case ConfigScalar { IsNull: true }:
                return null;
            case T value:
                return value;
            case var other:
                diagnostics.Add(ConfigurationDiagnostics.WrongType(Path, other.Range, other.KeyPath, expected, other.Description));
                return null;
        }
    }
}

/// <summary>A YAML list.</summary>
public sealed class ConfigSequence : ConfigValue
{
    internal ConfigSequence(SourceText source, SourceRange range, string keyPath, SourceRange? keyRange, IReadOnlyList<ConfigValue> items)
        : base(source, range, keyPath, keyRange)
    {
        Items = items;
    }

    /// <summary>The items in file order.</summary>
    public IReadOnlyList<ConfigValue> Items { get; }

    /// <inheritdoc />
    public override string Description => "a list";
}
