using System.Globalization;

namespace HomelabManager.Commands.Logs;

/// <summary>Durations as Nomad and Docker users write them: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>2d</c>.</summary>
internal static class LogDuration
{
    /// <summary>Parses a duration; null (with the reason in <paramref name="error"/>) when malformed or not positive.</summary>
    public static TimeSpan? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (unitStart == start || !double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                break;
            }

            TimeSpan? part = text[unitStart..i] switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => null,
            };
            if (part is null)
            {
                error = $"'{text}' has an unknown unit '{text[unitStart..i]}'; use ms, s, m, h or d (e.g. 15m, 1h30m)";
                return null;
            }

            total += part.Value;
        }

        if (text.Length == 0 || i < text.Length || total <= TimeSpan.Zero)
        {
            error ??= $"'{text}' is not a duration; write e.g. 90s, 15m, 1h30m or 2d";
            return null;
        }

        return total;
    }
}
