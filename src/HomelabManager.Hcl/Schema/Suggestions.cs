namespace HomelabManager.Hcl.Schema;

/// <summary>"Did you mean …?" — the closest known name to a misspelt one.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="input"/> by edit distance (case-insensitive), or
    /// null when none is close enough to be a plausible typo (a third of the length, at least one and at most three edits).
    /// </summary>
    public static string? ClosestMatch(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Clamp(input.Length / 3, 1, 3);
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The sentence <c>Did you mean "x"?</c> naming the closest candidate, or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = ClosestMatch(input, candidates);
        return closest is null ? string.Empty : $"Did you mean \"{closest}\"?";
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
