using System.Globalization;
using System.Text;

namespace HomelabManager.Nodes.NixOs;

/// <summary>
/// Nix literals and comments that cannot be broken out of: every inserted value goes through here.
/// </summary>
internal static class NixText
{
    /// <summary>
    /// A double-quoted Nix string that evaluates to exactly <paramref name="value"/>: escapes <c>\</c>,
    /// <c>"</c>, <c>${</c> (as <c>\${</c>), newline, tab and carriage return.
    /// </summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '$' when i + 1 < value.Length && value[i + 1] == '{':
                    builder.Append("\\$");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A list of strings, <c>[ "a" "b" ]</c>.</summary>
    public static string StringList(IEnumerable<string> values) =>
        "[ " + string.Concat(values.Select(v => String(v) + " ")) + "]";

    /// <summary>An integer literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text safe inside a <c>#</c> line comment: line breaks and every other control or separator
    /// character become a space, runs of spaces collapse, so the comment can never end early.
    /// </summary>
    public static string CommentText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var safe = char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                ? ' '
                : c;
            if (safe == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            builder.Append(safe);
        }

        return builder.ToString().TrimEnd();
    }
}
