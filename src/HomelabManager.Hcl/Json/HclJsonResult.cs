using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Hcl.Json;

/// <summary>The JSON form of a file and the problems that prevented representing parts of it.</summary>
public sealed class HclJsonResult(string json, IReadOnlyList<Diagnostic> diagnostics)
{
    /// <summary>The JSON text (indented).</summary>
    public string Json { get; } = json;

    /// <summary>Conversion diagnostics (empty when the whole body was represented).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
