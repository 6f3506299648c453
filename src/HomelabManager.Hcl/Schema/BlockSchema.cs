namespace HomelabManager.Hcl.Schema;

/// <summary>A nested block a body accepts.</summary>
/// <param name="Type">The block type name.</param>
/// <param name="Body">What the block's body accepts.</param>
/// <param name="Required">True when the body must contain at least one.</param>
/// <param name="Repeatable">True when the block may appear more than once.</param>
/// <param name="LabelNames">The names of its labels, in order (empty: no labels).</param>
public sealed record BlockSchema(
    string Type,
    BodySchema Body,
    bool Required = false,
    bool Repeatable = false,
    IReadOnlyList<string>? LabelNames = null)
{
    /// <summary>The label names, never null.</summary>
    public IReadOnlyList<string> Labels => LabelNames ?? [];
}
