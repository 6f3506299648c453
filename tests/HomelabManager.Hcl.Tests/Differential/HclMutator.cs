using System.Text;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// Seeded mutations of valid HCL, so that both parsers' rejections are compared too: byte and token deletes,
/// duplications, swaps and truncations. Works on UTF-16 text and keeps surrogate pairs whole, so every mutant is
/// valid UTF-8 and both parsers read exactly the same characters.
/// </summary>
internal static class HclMutator
{
    private static readonly string[] Insertions = ["{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~", "=", ",", ".", "*", "?", ":", "\n", "#", "/*", "...", "=>", "!", "-", "<<EOT\n", "EOT\n", "\\"];

    /// <summary>The mutant of <paramref name="source"/> for <paramref name="seed"/>: one to three edits.</summary>
    public static string Mutate(string source, int seed)
    {
        var random = new Random(seed);
        var text = source;
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var tokens = Tokens(text);
            if (tokens.Count == 0)
            {
                return text + Insertions[random.Next(Insertions.Length)];
            }

            var t = random.Next(tokens.Count);
            var u = random.Next(tokens.Count);
            text = random.Next(8) switch
            {
                0 => Replace(tokens, t, ""), // delete a token
                1 => Replace(tokens, t, tokens[t] + tokens[t]), // duplicate a token
                2 => Swap(tokens, t, u), // swap two tokens
                3 => Truncate(text, random), // truncate
                4 => DeleteChar(text, random), // delete one character
                5 => Replace(tokens, t, tokens[t] + tokens[u]), // duplicate a token elsewhere
                6 => Replace(tokens, t, tokens[t] + Insertions[random.Next(Insertions.Length)]), // insert punctuation
                _ => DuplicateLine(text, random), // duplicate a whole line (e.g. an attribute)
            };
        }

        return text;
    }

    // Identifiers/numbers, runs of blanks, and single other characters (a surrogate pair counts as one).
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }
            }
            else if (c is ' ' or '\t')
            {
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    private static string Replace(List<string> tokens, int index, string replacement)
    {
        var copy = new List<string>(tokens) { [index] = replacement };
        return string.Concat(copy);
    }

    private static string Swap(List<string> tokens, int a, int b)
    {
        var copy = new List<string>(tokens);
        (copy[a], copy[b]) = (copy[b], copy[a]);
        return string.Concat(copy);
    }

    private static string Truncate(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        return text[..(at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at)];
    }

    private static string DeleteChar(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        var width = char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : char.IsLowSurrogate(text[at]) ? 0 : 1;
        return text.Remove(at, width);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n');
        var index = random.Next(lines.Length);
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            builder.Append(lines[i]);
            if (i == index)
            {
                builder.Append('\n').Append(lines[i]);
            }

            if (i < lines.Length - 1)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
