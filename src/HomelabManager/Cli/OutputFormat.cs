namespace HomelabManager.Cli;

/// <summary>How results and diagnostics are printed (<c>--output</c>).</summary>
public enum OutputFormat
{
    /// <summary>Readable text with colour where the terminal allows it.</summary>
    Text,

    /// <summary>Machine-readable JSON on standard output.</summary>
    Json,
}
