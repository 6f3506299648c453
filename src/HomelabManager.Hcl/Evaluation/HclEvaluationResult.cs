using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Hcl.Evaluation;

/// <summary>The value of an expression (null when it could not be computed) and the diagnostics found.</summary>
public sealed class HclEvaluationResult(HclValue? value, IReadOnlyList<Diagnostic> diagnostics)
{
    /// <summary>The value, or null when evaluation failed.</summary>
    public HclValue? Value { get; } = value;

    /// <summary>The evaluation diagnostics.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
