using System.Text;
using System.Text.Json;
using HomelabManager.Hcl.Tests.Conformance;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// Compares our verdict on an input with HashiCorp's: both accept and the JSON is semantically equal, or both
/// reject. For rejections the first error's line and column are compared when both parsers name the same problem
/// (the same summary): on a broken file the two parsers' error recovery legitimately differs in which problem it
/// meets first (HashiCorp's parser keeps going past a missing bracket where ours stops at the token found, ours has
/// dedicated diagnostics for "**" and bitwise operators where HashiCorp reports an invalid character elsewhere), so
/// positions of different problems are not comparable. Columns are compared only where the error line is ASCII up
/// to the error: HCL counts columns in grapheme clusters, we count Unicode scalar values.
/// </summary>
internal static class DifferentialComparer
{
    /// <summary>Null when the verdicts agree (or a known divergence explains the difference), otherwise a report.</summary>
    public static string? Compare(string name, string input, ReferenceVerdict reference, OurVerdict ours) =>
        Compare(name, input, reference, ours, out _);

    /// <summary>As above; <paramref name="divergence"/> is the reason when a known divergence explains a difference.</summary>
    public static string? Compare(string name, string input, ReferenceVerdict reference, OurVerdict ours, out string? divergence)
    {
        divergence = null;
        var difference = Difference(input, reference, ours);
        if (difference is null)
        {
            return null;
        }

        divergence = KnownDivergences.Explain(input, reference, ours);
        if (divergence is not null)
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

        if (reference.Line is not { } line || reference.Column is not { } column || reference.Summary != ours.FirstError!.Summary)
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
