namespace HomelabManager.Clients.Http;

/// <summary>Why an API call failed.</summary>
internal enum ApiErrorKind
{
    /// <summary>The server answered with an error status (see <see cref="ApiException.StatusCode"/>).</summary>
    HttpStatus,

    /// <summary>No usable connection: refused, reset, DNS, TLS handshake.</summary>
    Connection,

    /// <summary>An attempt took longer than its timeout.</summary>
    Timeout,

    /// <summary>The server answered 2xx with a body that does not match the contract.</summary>
    InvalidResponse,
}
