namespace HomelabManager.Hcl.Diagnostics;

/// <summary>How serious a diagnostic is. Any error makes the input invalid (exit code 2).</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used.</summary>
    Error,

    /// <summary>The input works but is probably not what the user wants.</summary>
    Warning,

    /// <summary>Something worth knowing.</summary>
    Note,
}
