namespace HomelabManager.Clients.Http;

/// <summary>How a client behaves, independent of where it connects.</summary>
internal sealed record ApiClientOptions
{
    /// <summary>Clock for backoff delays, attempt timeouts and elapsed times (tests use a fake clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Retry policy.</summary>
    public ApiRetryOptions Retry { get; init; } = ApiRetryOptions.Default;

    /// <summary>
    /// Receives one line per request, response and retry for <c>-v</c>. Lines are redacted; bodies are
    /// never traced (Vault responses carry secrets).
    /// </summary>
    public Action<string>? Trace { get; init; }

    /// <summary>Replaces the TLS-configured socket handler (tests, proxies). The client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Defaults: system clock, default retries, no trace.</summary>
    public static ApiClientOptions Default { get; } = new();
}
