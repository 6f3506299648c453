using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Homelab;

/// <summary>
/// A homelab folder read and checked offline: its configuration, every service that bound without
/// error, and every diagnostic of every file.
/// </summary>
/// <param name="Directory">The absolute homelab folder.</param>
/// <param name="Configuration">homelab.yaml, or null when it is missing or unreadable.</param>
/// <param name="Variables">Where <c>${NAME}</c> placeholders resolve (environment over <c>.env</c>).</param>
/// <param name="Services">The services that bound without error, in folder order.</param>
/// <param name="Diagnostics">Everything found, across all files.</param>
internal sealed record LoadedHomelab(
    string Directory,
    HomelabConfiguration? Configuration,
    IVariableSource Variables,
    IReadOnlyList<BoundService> Services,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any file has an error: nothing may be rendered or deployed.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
