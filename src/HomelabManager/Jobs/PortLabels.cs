using System.Text.RegularExpressions;
using HomelabManager.Definitions;

namespace HomelabManager.Jobs;

/// <summary>
/// Port labels of the group network. Nomad's jobspec accepts <c>[A-Za-z0-9_]+</c> (labels also become
/// <c>NOMAD_PORT_&lt;label&gt;</c> variables), so derived labels are <c>p80</c> and <c>p53_udp</c>.
/// </summary>
internal static partial class PortLabels
{
    /// <summary>True when <paramref name="label"/> is a valid Nomad port label.</summary>
    public static bool IsValid(string label) => ValidLabel().IsMatch(label);

    /// <summary>The given name, or <c>p&lt;internal&gt;</c> (<c>_udp</c> appended for UDP).</summary>
    public static string For(ContainerPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (port.Name is { } name)
        {
            return IsValid(name)
                ? name
                : throw new InvalidOperationException(
                    $"port name '{name}' is not a valid Nomad port label (letters, digits and '_' only)");
        }

        return port.Protocol == PortProtocol.Udp ? $"p{port.Internal}_udp" : $"p{port.Internal}";
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex ValidLabel();
}
