namespace HomelabManager.Clients.Http;

/// <summary>Where and as whom a client talks: the resolved connection of one API.</summary>
/// <param name="Api">Name used in messages: <c>Nomad</c>, <c>Consul</c>, <c>Vault</c>.</param>
/// <param name="BaseAddress">Scheme, host and port (a path prefix is kept).</param>
/// <param name="TokenHeader">Header that carries <paramref name="Token"/>.</param>
/// <param name="Token">ACL token, or null for anonymous.</param>
/// <param name="Tls">TLS settings.</param>
internal sealed record ApiEndpoint(string Api, Uri BaseAddress, string TokenHeader, string? Token, ApiTlsSettings Tls)
{
    /// <summary>Headers sent with every request besides the token (e.g. <c>X-Vault-Request</c>).</summary>
    public IReadOnlyDictionary<string, string> DefaultHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Prints without the token.</summary>
    public override string ToString() =>
        $"{Api} at {BaseAddress} ({(Token is null ? "no token" : "token " + SecretRedactor.Mask)})";
}
