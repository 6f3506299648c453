using System.Globalization;
using System.Text;

namespace HomelabManager.Jobs;

/// <summary>Escaping for text placed inside consul-template (Go <c>text/template</c>) actions.</summary>
internal static class GoTemplateText
{
    /// <summary>
    /// A Go interpreted string literal for <paramref name="value"/>. Everything except letters, digits and
    /// <c>-_./:@+=,~</c> is written as a <c>\u</c>/<c>\U</c> escape, so no input can close the string, the
    /// action (<c>}}</c>) or the line.
    /// </summary>
    public static string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-_./:@+=,~".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                text.Append((char)rune.Value);
            }
            else if (rune.IsBmp)
            {
                text.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        return text.Append('"').ToString();
    }
}
