namespace HomelabManager.Clients.Http;

/// <summary>
/// A failed call to Nomad, Consul or Vault, after any retries. The message names the API, the request
/// and the server's own error text; every string in it has passed through the connection's redactor,
/// so tokens never appear.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(
        string api,
        string method,
        string path,
        ApiErrorKind kind,
        int? statusCode,
        string serverMessage,
        bool isUserError,
        int attempts,
        Exception? innerException = null)
        : base(Format(api, method, path, kind, statusCode, serverMessage, attempts), innerException)
    {
        Api = api;
        Method = method;
        Path = path;
        Kind = kind;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        IsUserError = isUserError;
        Attempts = attempts;
    }

    /// <summary><c>Nomad</c>, <c>Consul</c> or <c>Vault</c>.</summary>
    public string Api { get; }

    /// <summary>HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>Path and query of the failed request (redacted).</summary>
    public string Path { get; }

    /// <summary>What kind of failure.</summary>
    public ApiErrorKind Kind { get; }

    /// <summary>HTTP status when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's error text (plain text for Nomad/Consul, the joined <c>errors</c> for Vault), redacted.</summary>
    public string ServerMessage { get; }

    /// <summary>
    /// True when the request itself was wrong (4xx other than 429, or Nomad's job-validation and
    /// EnforceIndex failures, which are HTTP 500): report it as the user's error, retrying cannot help.
    /// </summary>
    public bool IsUserError { get; }

    /// <summary>How many attempts were made (1 = no retry).</summary>
    public int Attempts { get; }

    private static string Format(string api, string method, string path, ApiErrorKind kind, int? statusCode, string serverMessage, int attempts)
    {
        var after = attempts > 1 ? $" (after {attempts} attempts)" : string.Empty;
        var what = kind switch
        {
            ApiErrorKind.HttpStatus => $"HTTP {statusCode}",
            ApiErrorKind.Connection => "connection failed",
            ApiErrorKind.Timeout => "timed out",
            _ => "invalid response",
        };
        var text = serverMessage.Trim();
        return text.Length == 0
            ? $"{api} API: {method} {path}: {what}{after}"
            : $"{api} API: {method} {path}: {what}{after}: {text}";
    }
}
