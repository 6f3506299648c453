using System.Globalization;
using System.Text;

namespace HomelabManager.Configuration.Editing;

/// <summary>YAML scalars written by the tool: double-quoted, so no value can start a comment, a key or a new line.</summary>
internal static class YamlScalarText
{
    /// <summary>A double-quoted YAML scalar that reads back as exactly <paramref name="value"/>.</summary>
    public static string Quoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case var control when char.IsControl(control) || c is '\u2028' or '\u2029' or '\uFEFF':
                    text.Append("\\u").Append(((int)control).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
