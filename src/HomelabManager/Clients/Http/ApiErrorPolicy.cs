namespace HomelabManager.Clients.Http;

/// <summary>How one API reports errors: where the message is and which failures are the user's fault.</summary>
/// <param name="ReadMessage">Status and raw body → the server's message.</param>
/// <param name="IsUserError">Status and message → true when retrying cannot help and the request itself was wrong.</param>
internal sealed record ApiErrorPolicy(Func<int, string, string> ReadMessage, Func<int, string, bool> IsUserError)
{
    /// <summary>
    /// Status and raw body → true when the server refused the request without acting on it although the status is not
    /// 429 (e.g. Route 53's 400 <c>Throttling</c>): retried for every request, like a 429. Null: only 429 counts.
    /// </summary>
    public Func<int, string, bool>? IsThrottled { get; init; }

    /// <summary>Plain-text bodies; 4xx other than 429 are user errors.</summary>
    public static ApiErrorPolicy PlainText { get; } = new((_, body) => body, (status, _) => IsClientError(status));

    /// <summary>4xx other than 429.</summary>
    public static bool IsClientError(int status) => status is >= 400 and < 500 and not 429;
}
