namespace HomelabManager.Tests.Doubles;

/// <summary>A failure a double injects instead of (or before) the real answer.</summary>
internal abstract record Fault
{
    /// <summary>Answer with <paramref name="status"/> and a plain-text body.</summary>
    public static Fault Status(int status, string body = "") => new StatusFault(status, body, null);

    /// <summary>HTTP 429 with <c>Retry-After</c> in whole seconds.</summary>
    public static Fault TooManyRequests(TimeSpan retryAfter) => new StatusFault(429, "rate limit exceeded", retryAfter);

    /// <summary>Delay the real answer by <paramref name="delay"/> (real time; the delay ends early if the client gives up).</summary>
    public static Fault Latency(TimeSpan delay) => new LatencyFault(delay);

    /// <summary>Abort the connection without answering.</summary>
    public static Fault DropConnection() => new DropFault();
}

/// <summary>See <see cref="Fault.Status"/>.</summary>
internal sealed record StatusFault(int StatusCode, string Body, TimeSpan? RetryAfter) : Fault;

/// <summary>See <see cref="Fault.Latency"/>.</summary>
internal sealed record LatencyFault(TimeSpan Delay) : Fault;

/// <summary>See <see cref="Fault.DropConnection"/>.</summary>
internal sealed record DropFault : Fault;
