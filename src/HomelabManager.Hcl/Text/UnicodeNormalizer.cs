using System.Text;

namespace HomelabManager.Hcl.Text;

/// <summary>
/// Unicode Normalization Form C, implemented on generated tables because <see cref="string.Normalize()"/>
/// does nothing in globalization-invariant mode. <see cref="UnicodeNormalizationData"/> was generated with
/// Python's <c>unicodedata</c> (Unicode 14): every code point with a non-zero <c>combining()</c> class, every
/// canonical <c>decomposition()</c> (no <c>&lt;tag&gt;</c>), and as primary composites the two-code-point
/// decompositions whose character is its own NFC (keys are <c>first &lt;&lt; 21 | second</c>, sorted).
/// Hangul syllables are composed and decomposed algorithmically.
/// </summary>
public static class UnicodeNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    /// <summary>Returns the NFC form of <paramref name="text"/> (the same instance when already normalized).</summary>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = text.AsSpan().IndexOfAnyInRange('\u0300', '\uFFFF');
        if (i < 0)
        {
            return text;
        }

        // Restart from the last starter before the first interesting character.
        var start = i;
        while (start > 0 && text[start - 1] >= 0x300)
        {
            start--;
        }

        if (start > 0)
        {
            start--;
        }

        var buffer = new List<int>(text.Length - start + 8);
        for (var k = start; k < text.Length;)
        {
            int cp;
            if (char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]))
            {
                cp = char.ConvertToUtf32(text[k], text[k + 1]);
                k += 2;
            }
            else
            {
                cp = text[k];
                k++;
            }

            Decompose(cp, buffer);
        }

        ReorderCombining(buffer);
        Compose(buffer);
        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, start);
        foreach (var cp in buffer)
        {
            if (cp >= 0xD800 && cp <= 0xDFFF)
            {
                builder.Append((char)cp);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(cp));
            }
        }

        var result = builder.ToString();
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    private static void Decompose(int cp, List<int> output)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            var s = cp - SBase;
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            var t = TBase + (s % TCount);
            if (t != TBase)
            {
                output.Add(t);
            }

            return;
        }

        var index = Array.BinarySearch(UnicodeNormalizationData.DecompositionCodePoints, cp);
        if (index < 0)
        {
            output.Add(cp);
            return;
        }

        Decompose(UnicodeNormalizationData.DecompositionFirst[index], output);
        var second = UnicodeNormalizationData.DecompositionSecond[index];
        if (second != 0)
        {
            Decompose(second, output);
        }
    }

    private static int CombiningClass(int cp)
    {
        if (cp < 0x300)
        {
            return 0;
        }

        var index = Array.BinarySearch(UnicodeNormalizationData.CombiningCodePoints, cp);
        return index < 0 ? 0 : UnicodeNormalizationData.CombiningClasses[index];
    }

    private static void ReorderCombining(List<int> buffer)
    {
        // Stable insertion sort of each run of non-starters by combining class.
        for (var i = 1; i < buffer.Count; i++)
        {
            var cc = CombiningClass(buffer[i]);
            if (cc == 0)
            {
                continue;
            }

            var j = i;
            var value = buffer[i];
            while (j > 0)
            {
                var prev = CombiningClass(buffer[j - 1]);
                if (prev == 0 || prev <= cc)
                {
                    break;
                }

                buffer[j] = buffer[j - 1];
                j--;
            }

            buffer[j] = value;
        }
    }

    private static int ComposePair(int first, int second)
    {
        if (first >= LBase && first < LBase + LCount && second >= VBase && second < VBase + VCount)
        {
            return SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
        }

        if (first >= SBase && first < SBase + SCount && (first - SBase) % TCount == 0 && second > TBase && second < TBase + TCount)
        {
            return first + (second - TBase);
        }

        var key = ((long)first << 21) | (uint)second;
        var index = Array.BinarySearch(UnicodeNormalizationData.CompositionKeys, key);
        return index < 0 ? -1 : UnicodeNormalizationData.CompositionValues[index];
    }

    private static void Compose(List<int> buffer)
    {
        if (buffer.Count == 0)
        {
            return;
        }

        var starterIndex = CombiningClass(buffer[0]) == 0 ? 0 : -1;
        var lastClass = starterIndex == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < buffer.Count; read++)
        {
            var cp = buffer[read];
            var cc = CombiningClass(cp);
            if (starterIndex >= 0 && (lastClass < cc || (lastClass == 0 && write - 1 == starterIndex)))
            {
                var composed = ComposePair(buffer[starterIndex], cp);
                if (composed >= 0)
                {
                    buffer[starterIndex] = composed;
                    continue;
                }
            }

            if (cc == 0)
            {
                starterIndex = write;
            }

            lastClass = cc;
            buffer[write++] = cp;
        }

        buffer.RemoveRange(write, buffer.Count - write);
    }
}
