using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Commands.Configure;

/// <summary>Diagnostics of <c>configure</c>, one factory per stable code (HLM7xx). Never contains a value.</summary>
internal static class ConfigureDiagnostics
{
    /// <summary>HLM700: an answer is not <c>KEY=VALUE</c>.</summary>
    public static Diagnostic MalformedAnswer(string path, SourceRange range) => Diagnostic.Error(
        "HLM700", "Expected KEY=VALUE",
        "Write one answer as KEY=VALUE, e.g. dns.provider=cloudflare or homelab.domain=lab.example.com.", path, range);

    /// <summary>HLM701: a key configure does not set.</summary>
    public static Diagnostic UnknownKey(string path, SourceRange range, string key, IEnumerable<string> known)
    {
        var knownList = known.ToList();
        var suggestion = Suggestions.DidYouMean(key, knownList);
        return Diagnostic.Error("HLM701", $"Unknown key \"{key}\"",
            suggestion.Length > 0 ? suggestion : $"Keys: {string.Join(", ", knownList)}.", path, range);
    }

    /// <summary>HLM702: a value the key does not accept.</summary>
    public static Diagnostic InvalidValue(string path, SourceRange range, string key, string problem) => Diagnostic.Error(
        "HLM702", $"Invalid value for \"{key}\"", problem, path, range);

    /// <summary>HLM703: a required answer is missing (non-interactive runs).</summary>
    public static Diagnostic MissingAnswer(string key, string prompt) => Diagnostic.Error(
        "HLM703", $"Missing answer for \"{key}\"",
        $"{prompt}. Give it with --set {key}=VALUE or in the answers file, or run configure in a terminal to be asked.",
        ConfigureAnswer.PromptPath, SourceRange.At(SourcePosition.Start));

    /// <summary>HLM704: a provider option given for a category that has no provider.</summary>
    public static Diagnostic NoProvider(string path, SourceRange range, IntegrationCategory category) => Diagnostic.Error(
        "HLM704", $"No {IntegrationCategories.KeyOf(category)} provider is configured",
        $"Choose one first, e.g. --set {IntegrationCategories.KeyOf(category)}.provider=NAME.", path, range);

    /// <summary>HLM705: the same key answered twice.</summary>
    public static Diagnostic DuplicateAnswer(string path, SourceRange range, string key) => Diagnostic.Warning(
        "HLM705", $"\"{key}\" is answered more than once", "The last answer wins.", path, range);

    /// <summary>HLM706: the existing homelab.yaml cannot be edited as YAML.</summary>
    public static Diagnostic CannotEdit(string path, string reason) => Diagnostic.Error(
        "HLM706", "homelab.yaml cannot be edited", reason + " Nothing was written.", path, SourceRange.At(SourcePosition.Start));

    /// <summary>HLM707: the answers file cannot be read.</summary>
    public static Diagnostic AnswersUnreadable(string path, string reason) => Diagnostic.Error(
        "HLM707", "Cannot read the answers file", reason, path, SourceRange.At(SourcePosition.Start));
}
