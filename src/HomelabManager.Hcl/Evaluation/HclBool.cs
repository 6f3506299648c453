namespace HomelabManager.Hcl.Evaluation;

/// <summary>A bool value.</summary>
public sealed class HclBool : HclValue
{
    private HclBool(bool value) => Value = value;

    /// <summary>true.</summary>
    public static HclBool True { get; } = new(true);

    /// <summary>false.</summary>
    public static HclBool False { get; } = new(false);

    /// <summary>The value.</summary>
    public bool Value { get; }

    /// <inheritdoc />
    public override string TypeName => "bool";

    /// <summary>The instance for <paramref name="value"/>.</summary>
    public static HclBool From(bool value) => value ? True : False;

    /// <inheritdoc />
    public override string ToString() => Value ? "true" : "false";
}
