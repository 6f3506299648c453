using System.Globalization;

namespace HomelabManager.Commands.Logs;

/// <summary>
/// <c>--since</c> for log lines. Nomad stores task output without timestamps, so only lines that start with
/// one (RFC 3339 / ISO 8601, optionally in <c>[…]</c>, e.g. <c>2026-08-21T10:00:00Z</c> or
/// <c>2026-08-21 10:00:00,123</c>; no zone means UTC) can be dated. Lines without a timestamp follow the
/// decision of the line before them (a stack trace stays with its message); before any dated line they are shown.
/// </summary>
internal sealed class SinceFilter(DateTimeOffset cutoff)
{
    private static readonly string[] Formats =
    [
        .. from date in new[] { "yyyy-MM-dd'T'", "yyyy-MM-dd ", "yyyy/MM/dd " }
           from fraction in new[] { string.Empty, ".FFFFFFF", ",FFFFFFF" }
           from zone in new[] { string.Empty, "K" }
           select date + "HH:mm:ss" + fraction + zone,
    ];

    private bool _show = true;

    /// <summary>The earliest time shown.</summary>
    public DateTimeOffset Cutoff { get; } = cutoff;

    /// <summary>True when <paramref name="line"/> should be printed.</summary>
    public bool Accepts(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (TryReadTimestamp(line) is { } time)
        {
            _show = time >= Cutoff;
        }

        return _show;
    }

    /// <summary>The timestamp a line starts with, if any.</summary>
    public static DateTimeOffset? TryReadTimestamp(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.AsSpan().TrimStart().TrimStart('[');
        if (text.Length < 19 || !char.IsAsciiDigit(text[0]) || (text[4] != '-' && text[4] != '/'))
        {
            return null;
        }

        // Date, separator, time and an optional fraction/zone: up to the first character that cannot belong to it.
        var end = 19;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ',' or ':' or '+' or '-' or 'Z'))
        {
            end++;
        }

        var candidate = text[..end].ToString();
        return DateTimeOffset.TryParseExact(candidate, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }
}
