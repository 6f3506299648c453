namespace HomelabManager.Hcl.Evaluation;

/// <summary>A tuple (list) value.</summary>
public sealed class HclTuple(IReadOnlyList<HclValue> elements) : HclValue
{
    /// <summary>The empty tuple.</summary>
    public static HclTuple Empty { get; } = new([]);

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<HclValue> Elements { get; } = elements ?? throw new ArgumentNullException(nameof(elements));

    /// <inheritdoc />
    public override string TypeName => "tuple";
}
