namespace HomelabManager.Nodes.NixOs;

/// <summary>A short unified-diff-like hint between two texts (line based, longest common subsequence).</summary>
internal static class LineDiff
{
    /// <summary>Lines starting with <c>-</c> (only in <paramref name="before"/>) or <c>+</c> (only in <paramref name="after"/>), at most <paramref name="maxLines"/>.</summary>
    public static IReadOnlyList<string> Hint(string before, string after, int maxLines = 20)
    {
        var a = Lines(before);
        var b = Lines(after);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal)
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var result = new List<string>();
        var total = 0;
        int x = 0, y = 0;
        void Emit(string line)
        {
            total++;
            if (result.Count < maxLines)
            {
                result.Add(line);
            }
        }

        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Emit($"+{y + 1}: {b[y]}");
                y++;
            }
            else
            {
                Emit($"-{x + 1}: {a[x]}");
                x++;
            }
        }

        if (total > result.Count)
        {
            result.Add($"… and {total - result.Count} more changed lines");
        }

        return result;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
