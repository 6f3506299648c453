using System.Text.Json;
using HomelabManager.Hcl.Diagnostics;
using Spectre.Console;

namespace HomelabManager.Cli;

/// <summary>
/// Prints collected diagnostics: as text on standard error (<c>path:line:col: error: …</c>, the
/// source line and a caret), or as one JSON report on standard output with <c>--output json</c>.
/// </summary>
internal sealed class DiagnosticReporter
{
    private readonly CommandEnvironment _environment;
    private readonly SourceCache _sources;

    /// <summary>Creates a reporter for one command run.</summary>
    public DiagnosticReporter(CommandEnvironment environment, SourceCache sources)
    {
        _environment = environment;
        _sources = sources;
    }

    /// <summary>Prints every diagnostic, errors first within each file's source order, and a count line.</summary>
    public void Report(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ordered = diagnostics
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Range.Start.Offset)
            .ToList();
        var errors = ordered.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = ordered.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (_environment.Output == OutputFormat.Json)
        {
            var report = new DiagnosticReportJson(
                errors == 0,
                errors,
                warnings,
                [.. ordered.Select(d => ToJson(Shown(d)))]);
            _environment.RawOut.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.DiagnosticReportJson));
            return;
        }

        var console = _environment.ErrorConsole;
        foreach (var diagnostic in ordered)
        {
            var text = DiagnosticFormatter.Format(Shown(diagnostic), _sources.Get(diagnostic.Path));
            var lines = text.Split('\n');
            var colour = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "red",
                DiagnosticSeverity.Warning => "yellow",
                _ => "blue",
            };
            console.MarkupLine($"[{colour}]{Markup.Escape(lines[0])}[/]");
            for (var i = 1; i < lines.Length; i++)
            {
                var style = i == lines.Length - 1 && lines.Length == 3 ? colour : "default";
                console.MarkupLine($"[{style}]{Markup.Escape(lines[i])}[/]");
            }
        }

        if (errors + warnings > 0)
        {
            console.MarkupLine($"{Plural(errors, "error")}, {Plural(warnings, "warning")}");
        }
    }

    /// <summary>The diagnostic with its path as the user should read it: relative to the current folder.</summary>
    private Diagnostic Shown(Diagnostic diagnostic) =>
        Path.IsPathRooted(diagnostic.Path) ? diagnostic with { Path = _environment.Relative(diagnostic.Path) } : diagnostic;

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static DiagnosticJson ToJson(Diagnostic d) => new(
        d.Severity.ToString().ToLowerInvariant(),
        d.Code,
        d.Summary,
        d.Detail,
        d.Path,
        d.Range.Start.Line,
        d.Range.Start.Column,
        d.Range.End.Line,
        d.Range.End.Column);
}
