using System.Text;
using System.Text.Json;
using HomelabManager.Hcl.Tests.Conformance;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// Compares our verdict on an input with HashiCorp's: both accept and the JSON is semantically equal, or both
/// reject with the first error at the same line and column. Columns are compared only where the error line is ASCII
/// up to the error: HCL counts columns in grapheme clusters, we count Unicode scalar values (both are right for
/// their own contract, and the corpus's rejected cases are ASCII there too).
/// </summary>
internal static class DifferentialComparer
{
    /// <summary>Null when the verdicts agree (or a known divergence explains the difference), otherwise a report.</summary>
    public static string? Compare(string name, string input, ReferenceVerdict reference, OurVerdict ours)
    {
        var difference = Difference(input, reference, ours);
        if (difference is null || KnownDivergences.Explain(input, reference, ours) is not null)
        {
            return null;
        }

        return new StringBuilder()
            .Append(name).Append(": ").AppendLine(difference)
            .AppendLine("input (C# escaped):").AppendLine(Escaped(input))
            .Append("hashicorp: ").AppendLine(reference.Accepted ? "accepted: " + reference.Json : "rejected: " + reference.Error)
            .Append("ours:      ").AppendLine(ours.ToString())
            .ToString();
    }

    private static string? Difference(string input, ReferenceVerdict reference, OurVerdict ours)
    {
        if (reference.Accepted != ours.Accepted)
        {
            return reference.Accepted ? "HashiCorp accepts, we reject" : "HashiCorp rejects, we accept";
        }

        if (reference.Accepted)
        {
            using var expected = JsonDocument.Parse(reference.Json!);
            using var actual = JsonDocument.Parse(ours.Json!);
            var path = JsonSemanticComparer.FindDifference(expected.RootElement, actual.RootElement);
            return path is null ? null : "JSON differs at " + path;
        }

        if (reference.Line is not { } line || reference.Column is not { } column)
        {
            return null;
        }

        var start = ours.FirstError!.Range.Start;
        if (start.Line != line)
        {
            return $"first error at line {start.Line}:{start.Column}, HashiCorp's at {line}:{column}";
        }

        return start.Column == column || !AsciiBefore(input, line, Math.Max(column, start.Column))
            ? null
            : $"first error at {start.Line}:{start.Column}, HashiCorp's at {line}:{column}";
    }

    // True when line <paramref name="line"/> holds only ASCII before column <paramref name="column"/>.
    private static bool AsciiBefore(string input, int line, int column)
    {
        var lines = input.Split('\n');
        if (line - 1 >= lines.Length)
        {
            return true;
        }

        var text = lines[line - 1];
        return text.AsSpan(0, Math.Min(text.Length, column - 1)).IndexOfAnyExceptInRange((char)0, (char)0x7F) < 0;
    }

    /// <summary>The input as a C# string literal body, cut after 3000 characters.</summary>
    public static string Escaped(string input)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in input.Length > 3000 ? input[..3000] : input)
        {
            builder.Append(c switch
            {
                '\n' => "\\n\"\n+ \"",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return builder.Append(input.Length > 3000 ? "\" (cut)" : "\"").ToString();
    }
}
