using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>
/// A service definition with the source positions that checks across services need
/// (unique names, static ports, dependencies).
/// </summary>
/// <param name="Definition">The bound definition.</param>
/// <param name="Path">The file it came from, as shown in diagnostics.</param>
/// <param name="NameRange">Where its name is written.</param>
/// <param name="StaticPorts">Each static host port with its protocol and where it is written.</param>
/// <param name="Dependencies">Each depends_on entry with where it is written.</param>
internal sealed record BoundService(
    ServiceDefinition Definition,
    string Path,
    SourceRange NameRange,
    IReadOnlyList<(int Port, PortProtocol Protocol, SourceRange Range)> StaticPorts,
    IReadOnlyList<(string Name, SourceRange Range)> Dependencies);
