namespace HomelabManager.Hcl.Schema;

/// <summary>What one body may contain.</summary>
/// <param name="Attributes">The arguments it accepts.</param>
/// <param name="Blocks">The nested blocks it accepts.</param>
/// <param name="AnyAttributes">True for a map-like body (e.g. <c>env { KEY = "v" }</c>) whose argument names are free.</param>
public sealed record BodySchema(
    IReadOnlyList<AttributeSchema> Attributes,
    IReadOnlyList<BlockSchema> Blocks,
    bool AnyAttributes = false)
{
    /// <summary>A body that accepts any argument names and no blocks.</summary>
    public static BodySchema Map { get; } = new([], [], AnyAttributes: true);
}
