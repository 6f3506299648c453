namespace HomelabManager.Clients.Http;

/// <summary>
/// Connection values given on the command line. Every non-null value wins over the matching
/// environment variable (the HashiCorp CLIs' own <c>-address</c>, <c>-token</c>, … flags behave the same).
/// </summary>
internal sealed record ApiConnectionOverrides
{
    /// <summary>Base address, e.g. <c>https://nomad.lan:4646</c> (Consul also accepts <c>host:port</c>).</summary>
    public string? Address { get; init; }

    /// <summary>ACL token; never printed.</summary>
    public string? Token { get; init; }

    /// <summary>PEM file of the CA that signed the server certificate.</summary>
    public string? CaCertFile { get; init; }

    /// <summary>PEM client certificate for mutual TLS.</summary>
    public string? ClientCertFile { get; init; }

    /// <summary>PEM (unencrypted) key of <see cref="ClientCertFile"/>.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>True disables server certificate verification.</summary>
    public bool? SkipVerify { get; init; }

    /// <summary>Nomad namespace or Vault Enterprise namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Nomad region.</summary>
    public string? Region { get; init; }
}
