using HomelabManager.Configuration;
using HomelabManager.Integrations;

namespace HomelabManager.Commands.Configure;

/// <summary>What one run changes in <c>homelab.yaml</c>: checked answers, ready to be written.</summary>
/// <param name="Homelab">New values of the <c>homelab:</c> keys.</param>
/// <param name="Sections">The categories that change.</param>
internal sealed record ConfigurePlan(IReadOnlyDictionary<ConfigureKeyKind, string> Homelab, IReadOnlyList<SectionPlan> Sections)
{
    /// <summary>Every key that is dropped with a replaced or removed provider.</summary>
    public IEnumerable<string> Dropped => Sections.SelectMany(s => s.Dropped);
}

/// <summary>The change of one integration section.</summary>
/// <param name="Category">Which section.</param>
/// <param name="OldProvider">Its provider before (null: no section).</param>
/// <param name="NewProvider">Its provider after (null: the section is removed).</param>
/// <param name="Values">Options to set (in the provider's order); an empty value removes the key.</param>
/// <param name="Dropped">Keys (<c>dns.config.zone</c>) of the old <c>config:</c> that go because the provider changes.</param>
internal sealed record SectionPlan(
    IntegrationCategory Category,
    string? OldProvider,
    string? NewProvider,
    IReadOnlyList<KeyValuePair<string, string>> Values,
    IReadOnlyList<string> Dropped)
{
    /// <summary>True when the provider changes (the old <c>config:</c> is replaced).</summary>
    public bool ProviderChanges => !string.Equals(OldProvider, NewProvider, StringComparison.Ordinal);
}

/// <summary>A required key no answer gives and the file does not hold.</summary>
/// <param name="Key">The key.</param>
/// <param name="Option">The provider option, or null for a homelab key.</param>
/// <param name="Provider">The provider the option belongs to, or null.</param>
internal sealed record MissingAnswer(ConfigureKey Key, ProviderOption? Option, string? Provider)
{
    /// <summary>The question that asks for it.</summary>
    public string Prompt => Option?.Prompt ?? "Base DNS domain of the homelab (public services get NAME.DOMAIN)";
}
