using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration;

/// <summary>What loading <c>homelab.yaml</c> produced: the (possibly partial) model and every diagnostic.</summary>
/// <param name="Configuration">The model; null only when the file is missing, unreadable or not a YAML mapping.
/// Otherwise invalid or missing values fall back to their defaults (an empty domain when it is missing).</param>
/// <param name="Diagnostics">All problems found, in file order per stage.</param>
/// <param name="Variables">The variables <c>${NAME}</c> placeholders resolve against (environment over <c>.env</c>);
/// pass it to <see cref="ConfigScalar.Resolve"/> when using provider settings.</param>
/// <param name="Source">The text read, for printing diagnostics with their source line; null when unreadable.</param>
public sealed record ConfigurationLoadResult(
    HomelabConfiguration? Configuration,
    IReadOnlyList<Diagnostic> Diagnostics,
    IVariableSource Variables,
    SourceText? Source)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
