using System.Globalization;
using System.Text;
using HomelabManager.Jobs;

namespace HomelabManager.Integrations.Templates;

/// <summary>
/// Escaping of one value for the syntax it is inserted into; the template helpers of the same names use these.
/// Every result is a single token or string of that syntax, whatever the input (quotes, newlines, <c>;</c>,
/// <c>}</c>, <c>${</c>). Since most rendered configs become Nomad templates, consul-template reads them again:
/// no result ever contains <c>{{</c> or <c>}}</c> either. A value that a syntax cannot represent safely is refused
/// with <see cref="TemplateValueException"/>.
/// </summary>
internal static class SyntaxEscapes
{
    /// <summary>A YAML double-quoted scalar (also valid JSON and TOML basic-string content): <c>"a\"b"</c>.</summary>
    public static string Yaml(string value) => Quoted(value, unicodeEscape: "\\u{0:x4}");

    /// <summary>A JSON string.</summary>
    public static string Json(string value) => Quoted(value, unicodeEscape: "\\u{0:x4}");

    /// <summary>A TOML basic string.</summary>
    public static string Toml(string value) => Quoted(value, unicodeEscape: "\\u{0:X4}");

    /// <summary>An HCL quoted string (<c>${</c> and <c>%{</c> doubled, braces as <c>\u</c> escapes).</summary>
    public static string Hcl(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = HclText.Quote(value);
        return quoted.Replace("{", "\\u007b", StringComparison.Ordinal).Replace("}", "\\u007d", StringComparison.Ordinal)
            .Replace("$$\\u007b", "$${", StringComparison.Ordinal).Replace("%%\\u007b", "%%{", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal)
            .Replace("\u0085", "\\u0085", StringComparison.Ordinal);
    }

    /// <summary>
    /// An nginx quoted token: <c>\</c> and <c>"</c> escaped, line breaks and tabs as <c>\n</c>, <c>\r</c>, <c>\t</c>
    /// (nginx's own escapes). <c>$</c> (variable interpolation), braces and other control characters are refused.
    /// </summary>
    public static string Nginx(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    text.Append('\\').Append(c);
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
                case '$' or '{' or '}':
                    throw new TemplateValueException($"'{c}' cannot be written safely in an nginx value");
                default:
                    if (char.IsControl(c))
                    {
                        throw new TemplateValueException("control characters cannot be written in an nginx value");
                    }

                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A Caddyfile token: bare when it consists of letters, digits and <c>-._:/@=+,~*</c>, else quoted with <c>"</c> escaped. A backslash (Caddy cannot escape it), braces (placeholders),
    /// backticks and control characters are refused.
    /// </summary>
    public static string Caddy(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-._:/@=+,~*".Contains(c, StringComparison.Ordinal)))
        {
            return value; // a bare token reads better (site addresses, upstreams) and needs no escaping
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                text.Append("\\\"");
            }
            else if (c is '\\' or '{' or '}' or '`' || char.IsControl(c))
            {
                throw new TemplateValueException(char.IsControl(c)
                    ? "control characters cannot be written in a Caddyfile value"
                    : $"'{c}' cannot be written safely in a Caddyfile value");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A Go string literal for use inside a consul-template action (see <see cref="GoTemplateText"/>).</summary>
    public static string GoString(string value) => GoTemplateText.StringLiteral(value);

    private static string Quoted(string value, string unicodeEscape)
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
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    // Braces would reach consul-template; control and line/paragraph separators would break lines.
                    if (c is '{' or '}' or '\u2028' or '\u2029' or '\u0085' || char.IsControl(c))
                    {
                        text.AppendFormat(CultureInfo.InvariantCulture, unicodeEscape, (int)c);
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
}

/// <summary>A value cannot be written into a template's target syntax without changing its meaning.</summary>
internal sealed class TemplateValueException : Exception
{
    public TemplateValueException()
    {
    }

    public TemplateValueException(string message)
        : base(message)
    {
    }

    public TemplateValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
