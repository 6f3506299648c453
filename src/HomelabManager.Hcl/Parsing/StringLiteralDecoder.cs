using System.Globalization;
using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>Decodes the literal text of templates: escapes in quoted strings, <c>$${</c>/<c>%%{</c> everywhere, then NFC.</summary>
internal static class StringLiteralDecoder
{
    public static string Decode(SourceText source, int start, int end, bool quoted, List<Diagnostic> diagnostics) =>
        Decode(source, start, end, quoted, diagnostics, names: null);

    /// <summary>Decodes a literal; short literals without escapes come from <paramref name="names"/> (shared, not reallocated).</summary>
    public static string Decode(SourceText source, int start, int end, bool quoted, List<Diagnostic> diagnostics, NameTable? names)
    {
        var text = source.Text;
        var span = text.AsSpan(start, end - start);
        if (span.IndexOfAny('\\', '$', '%') < 0)
        {
            // Text without any character from U+0300 up is already NFC (the normalizer returns it unchanged).
            return names is not null && span.Length <= NameTable.MaxLength && !span.ContainsAnyInRange('\u0300', '\uFFFF')
                ? names.Get(span)
                : UnicodeNormalizer.ToNfc(span.ToString());
        }

        var builder = new StringBuilder(end - start);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (quoted && c == '\\')
            {
                i = DecodeEscape(source, i, end, builder, diagnostics);
                continue;
            }

            if ((c == '$' || c == '%') && i + 2 < end && text[i + 1] == c && text[i + 2] == '{')
            {
                builder.Append(c).Append('{');
                i += 3;
                continue;
            }

            builder.Append(c);
            i++;
        }

        return UnicodeNormalizer.ToNfc(builder.ToString());
    }

    private static int DecodeEscape(SourceText source, int i, int end, StringBuilder builder, List<Diagnostic> diagnostics)
    {
        var text = source.Text;
        if (i + 1 >= end)
        {
            diagnostics.Add(HclDiagnostics.EscapeMissingSelector(source.Path, source.RangeOf(i, i + 1)));
            builder.Append('\\');
            return i + 1;
        }

        var selector = text[i + 1];
        switch (selector)
        {
            case 'n':
                builder.Append('\n');
                return i + 2;
            case 'r':
                builder.Append('\r');
                return i + 2;
            case 't':
                builder.Append('\t');
                return i + 2;
            case '"':
                builder.Append('"');
                return i + 2;
            case '\\':
                builder.Append('\\');
                return i + 2;
            case 'u' or 'U':
                var max = selector == 'u' ? 4 : 8;
                var j = i + 2;
                while (j < end && j - (i + 2) < max && char.IsAsciiHexDigit(text[j]))
                {
                    j++;
                }

                if (j - (i + 2) != max)
                {
                    diagnostics.Add(selector == 'u'
                        ? HclDiagnostics.EscapeNeedsFourHexDigits(source.Path, source.RangeOf(i, j))
                        : HclDiagnostics.EscapeNeedsEightHexDigits(source.Path, source.RangeOf(i, j)));
                    builder.Append(text, i, j - i);
                    return j;
                }

                var number = uint.Parse(text.AsSpan(i + 2, max), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (number > 0x10FFFF || (number >= 0xD800 && number <= 0xDFFF))
                {
                    diagnostics.Add(HclDiagnostics.EscapeCannotEncode(source.Path, source.RangeOf(i, j), number));
                    builder.Append(text, i, j - i);
                    return j;
                }

                builder.Append(char.ConvertFromUtf32((int)number));
                return j;
            default:
                var width = char.IsHighSurrogate(selector) && i + 2 < end && char.IsLowSurrogate(text[i + 2]) ? 2 : 1;
                var symbol = text.Substring(i + 1, width);
                diagnostics.Add(HclDiagnostics.EscapeInvalidSelector(source.Path, source.RangeOf(i, i + 1 + width), symbol));
                builder.Append(symbol);
                return i + 1 + width;
        }
    }
}
