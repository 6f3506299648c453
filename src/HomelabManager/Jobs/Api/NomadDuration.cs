using System.Text;
using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>
/// A Go <c>time.Duration</c>: serialized as integer nanoseconds in API JSON (a string is rejected by
/// Nomad), shown as <c>"30s"</c> in HCL.
/// </summary>
[JsonConverter(typeof(NomadDurationJsonConverter))]
internal readonly record struct NomadDuration(long Nanoseconds)
{
    private const long NanosecondsPerMicrosecond = 1_000;
    private const long NanosecondsPerMillisecond = 1_000_000;
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long NanosecondsPerMinute = 60 * NanosecondsPerSecond;
    private const long NanosecondsPerHour = 60 * NanosecondsPerMinute;

    /// <summary>A duration of whole seconds.</summary>
    public static NomadDuration FromSeconds(long seconds) => new(seconds * NanosecondsPerSecond);

    /// <summary>A duration of whole minutes.</summary>
    public static NomadDuration FromMinutes(long minutes) => new(minutes * NanosecondsPerMinute);

    /// <summary>A duration of whole hours.</summary>
    public static NomadDuration FromHours(long hours) => new(hours * NanosecondsPerHour);

    /// <summary>Converts a <see cref="TimeSpan"/> (100 ns ticks).</summary>
    public static NomadDuration FromTimeSpan(TimeSpan value) => new(value.Ticks * 100);

    /// <summary>Go duration syntax accepted by <c>time.ParseDuration</c>: <c>1h30m</c>, <c>10s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public override string ToString()
    {
        if (Nanoseconds == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = Nanoseconds;
        if (rest < 0)
        {
            text.Append('-');
            rest = -rest;
        }

        Append(text, ref rest, NanosecondsPerHour, "h");
        Append(text, ref rest, NanosecondsPerMinute, "m");
        Append(text, ref rest, NanosecondsPerSecond, "s");
        Append(text, ref rest, NanosecondsPerMillisecond, "ms");
        Append(text, ref rest, NanosecondsPerMicrosecond, "us");
        Append(text, ref rest, 1, "ns");
        return text.ToString();
    }

    private static void Append(StringBuilder text, ref long rest, long unit, string suffix)
    {
        var count = rest / unit;
        if (count == 0)
        {
            return;
        }

        text.Append(count).Append(suffix);
        rest -= count * unit;
    }
}
