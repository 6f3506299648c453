using HomelabManager.Hcl.Text;

namespace HomelabManager.Commands.Configure;

/// <summary>One answer: a key, its value, and where it was given (for diagnostics).</summary>
/// <param name="Key">What it sets.</param>
/// <param name="Value">The value as given; empty means "unset" for an optional key. May be a secret reference: never print it.</param>
/// <param name="Path">Where it came from: <c>--set</c>, the answers file, or <c>configure</c> for prompts.</param>
/// <param name="KeyRange">Where the key is written in <paramref name="Path"/>.</param>
/// <param name="ValueRange">Where the value is written (secret values are masked in what is shown).</param>
internal sealed record ConfigureAnswer(ConfigureKey Key, string Value, string Path, SourceRange KeyRange, SourceRange ValueRange)
{
    /// <summary>Where prompted answers "come from" in diagnostics.</summary>
    public const string PromptPath = "configure";

    /// <summary>An answer typed at a prompt.</summary>
    public static ConfigureAnswer Prompted(ConfigureKey key, string value) =>
        new(key, value, PromptPath, SourceRange.At(SourcePosition.Start), SourceRange.At(SourcePosition.Start));
}
