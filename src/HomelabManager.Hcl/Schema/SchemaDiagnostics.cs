using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Schema;

/// <summary>The diagnostics of schema checks (codes HCL5xx; 1xx lexing, 2xx parsing, 3xx evaluation, 4xx JSON); one factory per code.</summary>
public static class SchemaDiagnostics
{
    /// <summary>HCL501: an argument the body does not accept.</summary>
    public static Diagnostic UnsupportedArgument(string path, SourceRange range, string name, string context, IEnumerable<string> known) =>
        Diagnostic.Error("HCL501", "Unsupported argument", $"An argument named \"{name}\" is not expected {context}.{Suggest(name, known)}", path, range);

    /// <summary>HCL502: a block type the body does not accept.</summary>
    public static Diagnostic UnsupportedBlock(string path, SourceRange range, string type, string context, IEnumerable<string> known) =>
        Diagnostic.Error("HCL502", "Unsupported block type", $"Blocks of type \"{type}\" are not expected {context}.{Suggest(type, known)}", path, range);

    /// <summary>HCL501: an argument whose name is a block type of this body (<c>resources = { … }</c>).</summary>
    public static Diagnostic BlockWrittenAsArgument(string path, SourceRange range, string name, string context) =>
        Diagnostic.Error("HCL501", "Unsupported argument", $"An argument named \"{name}\" is not expected {context}. Did you mean to define a block of type \"{name}\"? If so, remove the equals sign.", path, range);

    /// <summary>HCL502: a block whose type is an argument name of this body (<c>count { … }</c>).</summary>
    public static Diagnostic ArgumentWrittenAsBlock(string path, SourceRange range, string type, string context) =>
        Diagnostic.Error("HCL502", "Unsupported block type", $"Blocks of type \"{type}\" are not expected {context}. Did you mean to define argument \"{type}\"? If so, use the equals sign to assign it a value.", path, range);

    /// <summary>HCL503: a required argument is missing.</summary>
    public static Diagnostic MissingArgument(string path, SourceRange range, string name, string context) =>
        Diagnostic.Error("HCL503", "Missing required argument", $"The argument \"{name}\" is required {context}, but no definition was found.", path, range);

    /// <summary>HCL504: a required block is missing.</summary>
    public static Diagnostic MissingBlock(string path, SourceRange range, string type, string context) =>
        Diagnostic.Error("HCL504", "Missing required block", $"A \"{type}\" block is required {context}.", path, range);

    /// <summary>HCL506: a non-repeatable block given twice.</summary>
    public static Diagnostic DuplicateBlock(string path, SourceRange range, string type, SourcePosition first) =>
        Diagnostic.Error("HCL506", "Duplicate block", $"Only one \"{type}\" block is allowed here; another was defined at {first.Line}:{first.Column}.", path, range);

    /// <summary>HCL507: the wrong number of block labels.</summary>
    public static Diagnostic WrongLabelCount(string path, SourceRange range, string type, IReadOnlyList<string> expected, int actual) =>
        Diagnostic.Error(
            "HCL507",
            actual > expected.Count ? "Extraneous label" : "Missing label",
            expected.Count == 0
                ? $"A \"{type}\" block takes no labels; remove them."
                : $"A \"{type}\" block takes {expected.Count} label(s): {string.Join(", ", expected.Select(l => $"\"{l}\""))}; found {actual}.",
            path,
            range);

    private static string Suggest(string input, IEnumerable<string> known)
    {
        var suggestion = Suggestions.DidYouMean(input, known);
        return suggestion.Length == 0 ? string.Empty : " " + suggestion;
    }
}
