namespace HomelabManager.Configuration;

/// <summary>
/// A scalar split into literal text and <c>${NAME}</c> placeholders. <c>$${</c> stands for a literal <c>${</c>;
/// a <c>$</c> not followed by <c>{</c> is literal.
/// </summary>
internal sealed class PlaceholderTemplate
{
    private PlaceholderTemplate(IReadOnlyList<Segment> segments, int malformedAt)
    {
        Segments = segments;
        MalformedAt = malformedAt;
    }

    /// <summary>Literal and placeholder parts in order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>Index in the value of the first malformed <c>${</c>, or -1.</summary>
    public int MalformedAt { get; }

    public bool IsMalformed => MalformedAt >= 0;

    public bool HasPlaceholders => Segments.Any(s => s.IsPlaceholder);

    /// <summary>Splits a value; stops at the first malformed placeholder.</summary>
    public static PlaceholderTemplate Parse(string value)
    {
        var segments = new List<Segment>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c == '$' && i + 2 < value.Length && value[i + 1] == '$' && value[i + 2] == '{')
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (c == '$' && i + 1 < value.Length && value[i + 1] == '{')
            {
                var close = value.IndexOf('}', i + 2);
                var name = close < 0 ? string.Empty : value[(i + 2)..close];
                if (close < 0 || !DotEnvFile.IsValidName(name))
                {
                    return new PlaceholderTemplate(segments, i);
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), false, -1));
                    literal.Clear();
                }

                segments.Add(new Segment(name, true, i));
                i = close + 1;
                continue;
            }

            literal.Append(c);
            i++;
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), false, -1));
        }

        return new PlaceholderTemplate(segments, -1);
    }

    /// <summary>Literal text (<see cref="IsPlaceholder"/> false) or a variable name, with its index in the value.</summary>
    internal readonly record struct Segment(string Text, bool IsPlaceholder, int ValueIndex);
}
