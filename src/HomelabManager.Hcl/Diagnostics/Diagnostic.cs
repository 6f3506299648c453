using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Diagnostics;

/// <summary>
/// One problem found in the input: a stable code (e.g. <c>HCL0001</c>), a short summary
/// ("Unsupported argument"), a detail sentence that says how to fix it, and the exact range.
/// </summary>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string Summary,
    string Detail,
    string Path,
    SourceRange Range)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>An error diagnostic.</summary>
    public static Diagnostic Error(string code, string summary, string detail, string path, SourceRange range) =>
        new(DiagnosticSeverity.Error, code, summary, detail, path, range);

    /// <summary>A warning diagnostic.</summary>
    public static Diagnostic Warning(string code, string summary, string detail, string path, SourceRange range) =>
        new(DiagnosticSeverity.Warning, code, summary, detail, path, range);

    /// <summary>The one-line form: <c>path:line:col: error: summary; detail</c>.</summary>
    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        var detail = string.IsNullOrEmpty(Detail) ? string.Empty : "; " + Detail;
        return $"{Path}:{Range.Start.Line}:{Range.Start.Column}: {severity}: {Summary}{detail} [{Code}]";
    }
}
