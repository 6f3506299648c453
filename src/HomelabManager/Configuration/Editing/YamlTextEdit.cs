namespace HomelabManager.Configuration.Editing;

/// <summary>One change of a file's text: replace <paramref name="Length"/> characters at <paramref name="Offset"/> with <paramref name="Text"/>.</summary>
/// <param name="Offset">Where the change starts.</param>
/// <param name="Length">How many characters it replaces (0: insert).</param>
/// <param name="Text">The new text.</param>
internal sealed record YamlTextEdit(int Offset, int Length, string Text)
{
    /// <summary>The text with this change made.</summary>
    public string ApplyTo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.AsSpan(0, Offset), Text, text.AsSpan(Offset + Length));
    }
}
