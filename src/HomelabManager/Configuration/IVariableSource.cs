using System.Diagnostics.CodeAnalysis;

namespace HomelabManager.Configuration;

/// <summary>Where <c>${NAME}</c> placeholders get their values: the process environment, a <c>.env</c> file, or layers of both.</summary>
public interface IVariableSource
{
    /// <summary>Looks up one variable; a variable set to the empty string counts as set.</summary>
    bool TryGetValue(string name, [NotNullWhen(true)] out string? value);
}
