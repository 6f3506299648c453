namespace HomelabManager.Clients.Http;

/// <summary>TLS settings of one API connection. Server verification is on unless <see cref="SkipVerify"/> is set.</summary>
/// <param name="CaCertFile">PEM CA bundle that replaces the system trust store for this API.</param>
/// <param name="ClientCertFile">PEM client certificate (mutual TLS).</param>
/// <param name="ClientKeyFile">PEM private key of the client certificate.</param>
/// <param name="SkipVerify">Accept any server certificate (explicit opt-in only).</param>
internal sealed record ApiTlsSettings(
    string? CaCertFile = null,
    string? ClientCertFile = null,
    string? ClientKeyFile = null,
    bool SkipVerify = false)
{
    /// <summary>Verification on, system trust store, no client certificate.</summary>
    public static ApiTlsSettings Default { get; } = new();
}
