namespace HomelabManager.Tests.NomadSchema;

/// <summary>A fact that is reported as skipped (with the reason) when the contracts schema is not available.</summary>
public sealed class RequiresNomadSchemaFactAttribute : FactAttribute
{
    public RequiresNomadSchemaFactAttribute()
    {
        if (NomadJobSchema.Current is null)
        {
            Skip = NomadJobSchema.MissingReason;
        }
    }
}
