using System.Globalization;
using System.Text;

namespace HomelabManager.Hcl.Parsing;

/// <summary>Unicode identifier rules: ID_Start (or "_") then ID_Continue or "-".</summary>
internal static class IdentifierChars
{
    public static bool IsStartAscii(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    public static bool IsContinueAscii(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || c == '-';

    public static bool IsStart(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsStartAscii((char)codePoint);
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
            _ => codePoint is 0x2118 or 0x212E or 0x309B or 0x309C,
        };
    }

    public static bool IsContinue(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsContinueAscii((char)codePoint);
        }

        if (IsStart(codePoint))
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(codePoint) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation => true,
            _ => codePoint is 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA,
        };
    }

    /// <summary>Reads the code point at <paramref name="index"/>; <paramref name="width"/> is 1 or 2.</summary>
    public static int CodePointAt(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>True when <paramref name="text"/> is a valid identifier.</summary>
    public static bool IsIdentifier(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var first = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (first ? !IsStart(rune.Value) : !IsContinue(rune.Value) && rune.Value != '-')
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    /// <summary>Unicode White_Space, as Go's unicode.IsSpace.</summary>
    public static bool IsSpace(int codePoint) => codePoint switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        < 0x100 => false,
        _ => Rune.IsValid(codePoint) && Rune.IsWhiteSpace(new Rune(codePoint)),
    };
}
