using System.Text.RegularExpressions;

namespace HomelabManager.Definitions;

/// <summary>The syntax rules for names in service definitions.</summary>
internal static partial class NamingRules
{
    /// <summary>A DNS label: 1..63 of [a-z0-9-], not starting or ending with '-'.</summary>
    public static bool IsDnsLabel(string value) => DnsLabel().IsMatch(value);

    /// <summary>An environment variable name.</summary>
    public static bool IsEnvName(string value) => EnvName().IsMatch(value);

    /// <summary>A volume name: like a DNS label, '_' and '.' allowed inside.</summary>
    public static bool IsVolumeName(string value) => VolumeName().IsMatch(value);

    /// <summary>A Nomad port label.</summary>
    public static bool IsPortLabel(string value) => PortLabel().IsMatch(value);

    /// <summary>A Linux capability name, with or without <c>CAP_</c>; "ALL" included.</summary>
    public static bool IsCapability(string value) => Capability().IsMatch(value);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvName();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9_.-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex VolumeName();

    [GeneratedRegex("^[A-Za-z0-9_]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PortLabel();

    [GeneratedRegex("^[A-Za-z_]{2,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Capability();
}
