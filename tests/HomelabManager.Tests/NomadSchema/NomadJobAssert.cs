namespace HomelabManager.Tests.NomadSchema;

/// <summary>Asserts that job JSON passes <see cref="NomadJobSchemaValidator"/>; a no-op when the schema is absent.</summary>
public static class NomadJobAssert
{
    /// <summary>Validates a register body <c>{"Job": …}</c>.</summary>
    public static void IsValidRegisterRequest(string json)
    {
        if (NomadJobSchema.Current is not { } schema)
        {
            return;
        }

        var errors = new NomadJobSchemaValidator(schema).ValidateRegisterRequest(json);
        Assert.True(errors.Count == 0, "Nomad job schema violations:\n  " + string.Join("\n  ", errors));
    }

    /// <summary>Validates a bare job.</summary>
    public static void IsValidJob(string json)
    {
        if (NomadJobSchema.Current is not { } schema)
        {
            return;
        }

        var errors = new NomadJobSchemaValidator(schema).ValidateJob(json);
        Assert.True(errors.Count == 0, "Nomad job schema violations:\n  " + string.Join("\n  ", errors));
    }
}
