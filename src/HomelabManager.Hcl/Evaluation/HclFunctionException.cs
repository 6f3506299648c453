namespace HomelabManager.Hcl.Evaluation;

/// <summary>Thrown by an <see cref="HclFunction"/> to report an error; the evaluator turns it into a diagnostic.</summary>
public sealed class HclFunctionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HclFunctionException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong with the arguments.</summary>
    public HclFunctionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public HclFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
