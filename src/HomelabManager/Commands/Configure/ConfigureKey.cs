using HomelabManager.Configuration;

namespace HomelabManager.Commands.Configure;

/// <summary>What a <c>configure</c> answer key names.</summary>
internal enum ConfigureKeyKind
{
    /// <summary><c>homelab.domain</c>.</summary>
    Domain,

    /// <summary><c>homelab.datacenters</c> (comma-separated).</summary>
    Datacenters,

    /// <summary><c>homelab.vault.kv_mount</c>.</summary>
    VaultKvMount,

    /// <summary><c>homelab.vault.kv_version</c>.</summary>
    VaultKvVersion,

    /// <summary><c>homelab.vault.role</c>.</summary>
    VaultRole,

    /// <summary><c>&lt;category&gt;.provider</c>.</summary>
    Provider,

    /// <summary><c>&lt;category&gt;.config.&lt;option&gt;</c>.</summary>
    Option,
}

/// <summary>
/// A parsed answer key: <c>homelab.domain</c>, <c>homelab.datacenters</c>, <c>homelab.vault.kv_mount|kv_version|role</c>,
/// <c>CATEGORY.provider</c> or <c>CATEGORY.config.OPTION</c> with CATEGORY one of vpn, dns, reverse_proxy, auth.
/// </summary>
internal sealed record ConfigureKey(ConfigureKeyKind Kind, IntegrationCategory Category = default, string Option = "")
{
    /// <summary>The homelab keys, in the order the wizard asks them.</summary>
    public static IReadOnlyList<string> HomelabKeys { get; } =
        ["homelab.domain", "homelab.datacenters", "homelab.vault.kv_mount", "homelab.vault.kv_version", "homelab.vault.role"];

    /// <summary>The key as written, e.g. <c>dns.config.zone</c>.</summary>
    public string Text => Kind switch
    {
        ConfigureKeyKind.Provider => $"{IntegrationCategories.KeyOf(Category)}.provider",
        ConfigureKeyKind.Option => $"{IntegrationCategories.KeyOf(Category)}.config.{Option}",
        _ => HomelabKeys[(int)Kind],
    };

    /// <summary>The YAML key path it is written at.</summary>
    public IReadOnlyList<string> YamlPath => Text.Split('.');

    /// <summary>Every valid key prefix, for "did you mean" suggestions.</summary>
    public static IEnumerable<string> Examples =>
        HomelabKeys.Concat(IntegrationCategories.All.SelectMany(c => new[] { $"{IntegrationCategories.KeyOf(c)}.provider", $"{IntegrationCategories.KeyOf(c)}.config" }));

    /// <summary>Parses <paramref name="text"/>; null when it names nothing <c>configure</c> sets.</summary>
    public static ConfigureKey? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var homelab = HomelabKeys.ToList().IndexOf(text);
        if (homelab >= 0)
        {
            return new ConfigureKey((ConfigureKeyKind)homelab);
        }

        var parts = text.Split('.');
        var category = IntegrationCategories.All.Cast<IntegrationCategory?>()
            .FirstOrDefault(c => IntegrationCategories.KeyOf(c!.Value) == parts[0]);
        if (category is null)
        {
            return null;
        }

        return parts switch
        {
            [_, "provider"] => new ConfigureKey(ConfigureKeyKind.Provider, category.Value),
            [_, "config", var option] when option.Length > 0 => new ConfigureKey(ConfigureKeyKind.Option, category.Value, option),
            _ => null,
        };
    }
}
