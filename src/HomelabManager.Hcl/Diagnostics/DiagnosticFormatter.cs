using System.Text;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Diagnostics;

/// <summary>
/// Prints a diagnostic as <c>path:line:col: error: summary</c>, the detail, the source line and a
/// caret line under the range — the form users see.
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>Formats one diagnostic; <paramref name="source"/> supplies the line shown under it.</summary>
    public static string Format(Diagnostic diagnostic, SourceText? source)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var builder = new StringBuilder();
        var start = diagnostic.Range.Start;
        builder.Append(diagnostic.Path).Append(':').Append(start.Line).Append(':').Append(start.Column)
            .Append(": ").Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(": ")
            .Append(diagnostic.Summary);
        if (!string.IsNullOrEmpty(diagnostic.Detail))
        {
            builder.Append("; ").Append(diagnostic.Detail);
        }

        builder.Append(" [").Append(diagnostic.Code).Append(']');
        if (source is not null && start.Line >= 1 && start.Line <= source.LineCount)
        {
            var line = source.LineText(start.Line);
            builder.Append('\n').Append("  ").Append(Printable(line)).Append('\n').Append("  ")
                .Append(CaretLine(line, diagnostic.Range));
        }

        return builder.ToString();
    }

    /// <summary>The caret line: blanks (tabs kept) up to the start column, then '^' under the range on that line.</summary>
    public static string CaretLine(string line, SourceRange range)
    {
        ArgumentNullException.ThrowIfNull(line);
        var builder = new StringBuilder();
        var runes = line.EnumerateRunes().ToArray();
        var startColumn = Math.Max(1, range.Start.Column);
        for (var i = 0; i < startColumn - 1 && i < runes.Length; i++)
        {
            builder.Append(runes[i].Value == '\t' ? '\t' : ' ');
        }

        for (var i = runes.Length; i < startColumn - 1; i++)
        {
            builder.Append(' ');
        }

        var width = range.End.Line == range.Start.Line ? range.End.Column - startColumn : runes.Length - startColumn + 1;
        builder.Append('^', Math.Max(1, width));
        return builder.ToString();
    }

    private static string Printable(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            builder.Append(char.IsControl(c) && c != '\t' ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
