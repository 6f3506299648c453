namespace HomelabManager.Hcl.Evaluation;

/// <summary>The null value.</summary>
public sealed class HclNull : HclValue
{
    private HclNull()
    {
    }

    /// <summary>The only instance.</summary>
    public static HclNull Instance { get; } = new();

    /// <inheritdoc />
    public override string TypeName => "null";

    /// <inheritdoc />
    public override string ToString() => "null";
}
