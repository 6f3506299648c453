using System.Diagnostics.CodeAnalysis;
using HomelabManager.Configuration;

namespace HomelabManager.Cli;

/// <summary>The host's environment as a variable source for <c>${NAME}</c> placeholders.</summary>
internal sealed class HostVariables(CliHost host) : IVariableSource
{
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        value = host.GetEnvironmentVariable(name);
        return value is not null;
    }
}
