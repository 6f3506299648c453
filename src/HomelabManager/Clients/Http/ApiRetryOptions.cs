namespace HomelabManager.Clients.Http;

/// <summary>
/// Bounded retries with exponential backoff and jitter for transient failures: connection errors,
/// attempt timeouts, HTTP 429 and 502/503/504. A 429/503 <c>Retry-After</c> is honoured up to
/// <see cref="MaxDelay"/>.
/// </summary>
internal sealed record ApiRetryOptions
{
    /// <summary>Retries after the first attempt (0 = never retry).</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>Delay before the first retry; doubles each time (plus jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Randomise delays so many clients do not retry in step.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>
    /// Time one attempt may take until the response headers (and, for buffered calls, the body) arrive.
    /// Blocking queries get their wait time added. <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The defaults above.</summary>
    public static ApiRetryOptions Default { get; } = new();
}
