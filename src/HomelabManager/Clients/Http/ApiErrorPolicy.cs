namespace HomelabManager.Clients.Http;

/// <summary>How one API reports errors: where the message is and which failures are the user's fault.</summary>
/// <param name="ReadMessage">Status and raw body → the server's message.</param>
/// <param name="IsUserError">Status and message → true when retrying cannot help and the request itself was wrong.</param>
internal sealed record ApiErrorPolicy(Func<int, string, string> ReadMessage, Func<int, string, bool> IsUserError)
{
    /// <summary>Plain-text bodies; 4xx other than 429 are user errors.</summary>
    public static ApiErrorPolicy PlainText { get; } = new((_, body) => body, (status, _) => IsClientError(status));

    /// <summary>4xx other than 429.</summary>
    public static bool IsClientError(int status) => status is >= 400 and < 500 and not 429;
}
