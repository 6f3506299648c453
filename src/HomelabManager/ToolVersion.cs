using System.Reflection;

namespace HomelabManager;

/// <summary>The version of this build of homelab-manager.</summary>
public static class ToolVersion
{
    /// <summary>The informational version, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}
