using System.Globalization;
using System.Text;

namespace HomelabManager.Configuration.Editing;

/// <summary>Writes a string as a YAML scalar: plain when that reads back as the same string, else double-quoted.</summary>
internal static class YamlScalarText
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";
    private const string FlowIndicators = ",[]{}";

    /// <summary>The YAML text of <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="inFlow">True inside <c>[…]</c> or <c>{…}</c>, where <c>,[]{}</c> end a plain scalar.</param>
    public static string Format(string value, bool inFlow = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CanBePlain(value, inFlow) ? value : Quote(value);
    }

    /// <summary>True when <paramref name="value"/> can be written without quotes and read back unchanged as a string.</summary>
    public static bool CanBePlain(string value, bool inFlow = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value is "~" or "null" or "Null" or "NULL" || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return false;
        }

        var first = value[0];
        if (Indicators.Contains(first, StringComparison.Ordinal)
            && !(first is '-' or '?' or ':' && value.Length > 1 && !char.IsWhiteSpace(value[1]) && !(inFlow && FlowIndicators.Contains(value[1], StringComparison.Ordinal))))
        {
            return false;
        }

        if (value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || c == '\uFEFF' || char.IsSurrogate(c) || (inFlow && FlowIndicators.Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return value != "---" && value != "...";
    }

    /// <summary><paramref name="value"/> in double quotes with YAML escapes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
