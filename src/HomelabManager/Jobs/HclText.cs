using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HomelabManager.Jobs;

/// <summary>HCL2 literals for generated jobspecs.</summary>
internal static partial class HclText
{
    /// <summary>
    /// A quoted HCL string: <c>"</c> and <c>\</c> escaped, control characters as <c>\n</c>, <c>\t</c>, <c>\r</c> or
    /// <c>\uXXXX</c>, and the template openers <c>${</c> → <c>$${</c>, <c>%{</c> → <c>%%{</c> so nothing is interpolated.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var next = i + 1 < value.Length ? value[i + 1] : '\0';
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '$' or '%' when next == '{':
                    text.Append(c).Append(c);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// Multi-line text as a heredoc (<c>&lt;&lt;EOT … EOT</c>) when it can be one: it ends with a newline,
    /// has no control characters other than newline and tab, and no line equals the marker. Otherwise
    /// a quoted string. Heredocs are templates too, so <c>${</c> and <c>%{</c> are still escaped.
    /// </summary>
    public static string QuoteOrHeredoc(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const string marker = "EOT";
        var representable = value.EndsWith('\n')
            && value.All(c => c is '\n' or '\t' || !char.IsControl(c))
            && !value.Split('\n').Any(line => line.Trim() == marker);
        if (!representable)
        {
            return Quote(value);
        }

        var body = value
            .Replace("${", "$${", StringComparison.Ordinal)
            .Replace("%{", "%%{", StringComparison.Ordinal);
        return $"<<{marker}\n{body}{marker}";
    }

    /// <summary>A list of quoted strings: <c>["a", "b"]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";

    /// <summary><c>true</c> / <c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>An integer.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="name"/> can be written unquoted as an attribute name.</summary>
    public static bool IsIdentifier(string name) => Identifier().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Identifier();
}
