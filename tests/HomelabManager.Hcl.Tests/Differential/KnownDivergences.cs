using System.Text.RegularExpressions;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// The one place that lists where our parser and HashiCorp's (through @cdktf/hcl2json) may legitimately disagree,
/// each with its reason and a predicate narrow enough to match only that situation. Every entry is a quirk of
/// tmccombs/hcl2json's converter or a diagnostic position of hashicorp/hcl that we deliberately do not copy.
/// </summary>
internal static partial class KnownDivergences
{
    private static readonly string[] CloseBracketSummaries = ["Missing close bracket on index", "Missing close bracket on splat index"];

    /// <summary>The reason this disagreement is expected, or null when it is a finding.</summary>
    public static string? Explain(string input, ReferenceVerdict reference, OurVerdict ours)
    {
        if (ours.Accepted && !reference.Accepted && IsUnaryFoldingError(reference.Error!))
        {
            // tmccombs/hcl2json folds "-" or "!" applied directly to a literal by evaluating it (convertUnary calls
            // Value(nil)), so "-true", "!42", "-null" and "!null" abort the whole conversion with an evaluation error.
            // The syntax is valid (spec.md: unaryOp = ("-" | "!") ExprTerm), and the corpus README accepts inputs
            // whose only diagnostic comes from evaluation (087 "2+true", 104, 109); we keep "${-true}" as written.
            return "unary operator on a literal of the wrong type: an evaluation error of the converter";
        }

        if (ours.Accepted && NullDirectiveBranch().IsMatch(input)
            && (reference.Accepted || reference.Error!.Contains("Cannot include a null value in a string template", StringComparison.Ordinal)))
        {
            // A directive branch that is exactly "${null}" (%{ if c }${null}%{ endif }, %{ else }${null}, %{ for }):
            // the converter evaluates a one-part template, gets an error for the null, and then drops the whole
            // if-directive (true branch), drops the else branch, or fails (for body). The corpus README says
            // "${null}" inside a template is written as the text "null", and so do we.
            return "\"${null}\" as a whole directive branch: the converter swallows or reports an evaluation error";
        }

        if (ours.Accepted || reference.Accepted || reference.Line is not { } line || reference.Column is not { } column)
        {
            return null;
        }

        var summary = ours.FirstError!.Summary;
        var start = ours.FirstError.Range.Start;
        var referenceIsLater = line > start.Line || (line == start.Line && column > start.Column);
        if (CloseBracketSummaries.Contains(summary) && reference.Summary == summary && referenceIsLater)
        {
            // hashicorp/hcl's parser (parseExpressionTraversals) reports "Subject: &close.Range" and then assigns
            // "close = p.recover(TokenCBrack)": the diagnostic shows where recovery stopped (the next "]", or the end
            // of the file), not the token found instead of "]". We report the token found.
            return "missing close bracket: HashiCorp's position is where its recovery stopped";
        }

        if (summary is "Invalid legacy index syntax" or "Invalid attribute name" && reference.Summary == summary
            && line == start.Line && column < start.Column && input.Contains(".*", StringComparison.Ordinal))
        {
            // In an attribute-only splat (a.*.b.0.0), hashicorp/hcl reports these two with "Subject: &attrTok.Range",
            // the token after the splat's first dot (the "*"), not the offending number or token. We point at it.
            return "inside an attribute-only splat HashiCorp's diagnostic points at the \"*\"";
        }

        if (summary == "Unsupported operator" && reference.Summary == summary && IsTildeBeforeBrace(input, start.Line, start.Column)
            && (line > start.Line || (line == start.Line && column > start.Column)))
        {
            // hashicorp/hcl's scanner always reads "~}" as the end of a template sequence, even where the "}" closes
            // an ordinary brace (closeTemplateSeqEatWhitespace: "we want to allow the parser to catch the incorrect
            // use of a ~}"), so its first diagnostic is a later one; we report that "~" as the unsupported operator.
            return "\"~}\" closing an ordinary brace: HashiCorp scans it as a template sequence end";
        }

        if (reference.Summary == summary && line != start.Line && HasLoneCarriageReturn(input))
        {
            // Our SourceText counts a carriage return that is not followed by a line feed as a line break (so that
            // a diagnostic's quoted line never holds a bare CR, which would overwrite the terminal line); hashicorp/hcl
            // counts lines by LF only, as spec.md defines newlines (LF or CR LF). Only the line numbers after such a
            // CR differ, never the verdict.
            return "a lone carriage return: we count it as a line break, HashiCorp does not";
        }

        return null;
    }

    private static bool IsTildeBeforeBrace(string input, int line, int column)
    {
        var lines = input.Split('\n');
        return line - 1 < lines.Length && lines[line - 1].AsSpan().Slice(Math.Min(column - 1, lines[line - 1].Length)).StartsWith("~}");
    }

    private static bool HasLoneCarriageReturn(string input)
    {
        for (var i = input.IndexOf('\r', StringComparison.Ordinal); i >= 0; i = input.IndexOf('\r', i + 1))
        {
            if (i + 1 == input.Length || input[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }

    // Only the converter's own stage ("convert to HCL", after parsing succeeded) and only the two evaluation errors
    // of a unary operator: "Invalid operand; Unsuitable value for unary operand: bool/number required." and
    // "Operation failed; Error during operation: argument must not be null." (cty's Negate/Not on null).
    private static bool IsUnaryFoldingError(string error) =>
        error.StartsWith("convert to HCL: ", StringComparison.Ordinal)
        && (error.Contains("Invalid operand; Unsuitable value for unary operand: ", StringComparison.Ordinal)
            || error.Contains("Operation failed; Error during operation: argument must not be null.", StringComparison.Ordinal));

    [GeneratedRegex(@"%\{~?\s*(?:else\s*~?|if\b[^}]*|for\b[^}]*)\}\$\{~?\s*null\s*~?\}%\{")]
    private static partial Regex NullDirectiveBranch();
}
