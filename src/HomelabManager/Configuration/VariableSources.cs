using System.Diagnostics.CodeAnalysis;

namespace HomelabManager.Configuration;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironmentVariables : IVariableSource
{
    /// <summary>The one instance.</summary>
    public static ProcessEnvironmentVariables Instance { get; } = new();

    private ProcessEnvironmentVariables()
    {
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        value = Environment.GetEnvironmentVariable(name);
        return value is not null;
    }
}

/// <summary>A fixed set of variables (tests, <c>--set</c>-style overrides).</summary>
public sealed class DictionaryVariables(IReadOnlyDictionary<string, string> values) : IVariableSource
{
    /// <summary>No variables at all.</summary>
    public static DictionaryVariables Empty { get; } = new(new Dictionary<string, string>());

    /// <inheritdoc />
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value) => values.TryGetValue(name, out value);
}

/// <summary>Several sources asked in order; the first that has the variable wins.</summary>
public sealed class LayeredVariables(params IReadOnlyList<IVariableSource> layers) : IVariableSource
{
    /// <summary>The layers, highest precedence first.</summary>
    public IReadOnlyList<IVariableSource> Layers { get; } = layers;

    /// <inheritdoc />
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var layer in Layers)
        {
            if (layer.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }
}
