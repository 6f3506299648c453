namespace HomelabManager.Hcl.Evaluation;

/// <summary>A string value.</summary>
public sealed class HclString(string value) : HclValue
{
    /// <summary>The empty string.</summary>
    public static HclString Empty { get; } = new(string.Empty);

    /// <summary>The value.</summary>
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public override string TypeName => "string";

    /// <inheritdoc />
    public override string ToString() => Value;
}
