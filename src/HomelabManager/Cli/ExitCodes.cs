namespace HomelabManager.Cli;

/// <summary>The process exit codes of every command (SPEC §3).</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure: an API refused, a deployment failed, a file could not be written.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input or usage: diagnostics were printed, nothing was changed.</summary>
    public const int InvalidInput = 2;
}
