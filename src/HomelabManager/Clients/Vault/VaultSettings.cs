using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Vault;

/// <summary>
/// Where and how to reach Vault, resolved like the <c>vault</c> CLI: flags, then <c>VAULT_*</c>
/// environment variables, then defaults.
/// </summary>
internal sealed record VaultSettings
{
    /// <summary>The Vault CLI's default address.</summary>
    public const string DefaultAddress = "https://127.0.0.1:8200";

    /// <summary>Base URL.</summary>
    public Uri Address { get; init; } = new(DefaultAddress);

    /// <summary>Token sent as <c>X-Vault-Token</c>; never printed.</summary>
    public string? Token { get; init; }

    /// <summary>TLS settings (<c>VAULT_CACERT</c>, <c>VAULT_CLIENT_CERT</c>, <c>VAULT_CLIENT_KEY</c>, <c>VAULT_SKIP_VERIFY</c>).</summary>
    public ApiTlsSettings Tls { get; init; } = ApiTlsSettings.Default;

    /// <summary>Enterprise namespace sent as <c>X-Vault-Namespace</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>Resolves the settings from flags and an environment lookup.</summary>
    public static VaultSettings FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        flags ??= new ApiConnectionOverrides();
        var address = EnvironmentValues.Pick(flags.Address, environment, "VAULT_ADDR") ?? DefaultAddress;
        var text = address.Contains("://", StringComparison.Ordinal) ? address : "https://" + address;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Vault address '{address}' is not an http(s) URL (VAULT_ADDR).", nameof(environment));
        }

        return new VaultSettings
        {
            Address = uri,
            Token = EnvironmentValues.Pick(flags.Token, environment, "VAULT_TOKEN"),
            Tls = new ApiTlsSettings(
                EnvironmentValues.Pick(flags.CaCertFile, environment, "VAULT_CACERT"),
                EnvironmentValues.Pick(flags.ClientCertFile, environment, "VAULT_CLIENT_CERT"),
                EnvironmentValues.Pick(flags.ClientKeyFile, environment, "VAULT_CLIENT_KEY"),
                flags.SkipVerify ?? EnvironmentValues.ParseGoBool(environment("VAULT_SKIP_VERIFY")) ?? false),
            Namespace = EnvironmentValues.Pick(flags.Namespace, environment, "VAULT_NAMESPACE"),
        };
    }

    /// <summary>The transport endpoint (with <c>X-Vault-Request: true</c>, as the Vault CLI sends).</summary>
    public ApiEndpoint ToEndpoint()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Vault-Request"] = "true" };
        if (!string.IsNullOrEmpty(Namespace))
        {
            headers["X-Vault-Namespace"] = Namespace;
        }

        return new ApiEndpoint("Vault", Address, "X-Vault-Token", Token, Tls) { DefaultHeaders = headers };
    }

    /// <summary>Prints without the token.</summary>
    public override string ToString() => ToEndpoint().ToString();
}
