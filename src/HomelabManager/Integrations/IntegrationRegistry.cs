using System.Diagnostics.CodeAnalysis;
using HomelabManager.Configuration;

namespace HomelabManager.Integrations;

/// <summary>
/// Every integration provider of the program, found by scanning this assembly for concrete
/// <see cref="IIntegrationProvider"/> classes with a public parameterless constructor. Adding a provider is adding
/// its folder; nothing lists it.
/// </summary>
/// <remarks>
/// NativeAOT: the csproj roots the program assembly (<c>TrimmerRootAssembly</c>), so every type and constructor
/// is kept with its metadata and the scan sees the same providers as under the JIT.
/// </remarks>
internal sealed class IntegrationRegistry
{
    private readonly IReadOnlyList<IIntegrationProvider> _providers;

    /// <summary>A registry over the given providers (tests).</summary>
    public IntegrationRegistry(IEnumerable<IIntegrationProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers.OrderBy(p => p.Category).ThenBy(p => p.Name, StringComparer.Ordinal)];
        var duplicate = _providers.GroupBy(p => (p.Category, p.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"two {IntegrationCategories.KeyOf(duplicate.Key.Category)} providers are named '{duplicate.Key.Name}'");
        }
    }

    /// <summary>The providers found in the program.</summary>
    public static IntegrationRegistry Default { get; } = new(Scan());

    /// <summary>All providers, by category then name.</summary>
    public IReadOnlyList<IIntegrationProvider> Providers => _providers;

    /// <summary>The providers of one category, by name.</summary>
    public IReadOnlyList<IIntegrationProvider> InCategory(IntegrationCategory category) =>
        [.. _providers.Where(p => p.Category == category)];

    /// <summary>The provider named <paramref name="name"/> in <paramref name="category"/>, or null.</summary>
    public IIntegrationProvider? Find(IntegrationCategory category, string name) =>
        _providers.FirstOrDefault(p => p.Category == category && string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>Instantiates every concrete provider class of the program assembly, ordered by type name.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "The program assembly is a trimmer root (TrimmerRootAssembly in HomelabManager.csproj): all its types are kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075:UnrecognizedReflectionPattern",
        Justification = "The program assembly is a trimmer root: every provider's public parameterless constructor is kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072:UnrecognizedReflectionPattern",
        Justification = "The program assembly is a trimmer root: every provider's public parameterless constructor is kept.")]
    [UnconditionalSuppressMessage("Trimming", "IL2065:UnrecognizedReflectionPattern",
        Justification = "ILC's name for IL2075 here; the program assembly is a trimmer root.")]
    [UnconditionalSuppressMessage("Trimming", "IL2062:UnrecognizedReflectionPattern",
        Justification = "ILC's name for IL2072 here; the program assembly is a trimmer root.")]
    internal static IReadOnlyList<IIntegrationProvider> Scan()
    {
        var found = new SortedDictionary<string, IIntegrationProvider>(StringComparer.Ordinal);
        foreach (var type in typeof(IIntegrationProvider).Assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(IIntegrationProvider).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                found[type.FullName ?? type.Name] = (IIntegrationProvider)Activator.CreateInstance(type)!;
            }
        }

        return [.. found.Values];
    }
}
