namespace HomelabManager.Hcl.Evaluation;

/// <summary>A fully known HCL value: null, bool, number, string, tuple or object.</summary>
public abstract class HclValue
{
    private protected HclValue()
    {
    }

    /// <summary>The type name used in messages ("string", "number", ...).</summary>
    public abstract string TypeName { get; }

    /// <summary>True for <see cref="HclNull"/>.</summary>
    public bool IsNull => this is HclNull;
}
