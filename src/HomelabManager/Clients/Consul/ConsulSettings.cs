using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Consul;

/// <summary>
/// Where and how to reach Consul, resolved like the <c>consul</c> CLI: flags, then <c>CONSUL_HTTP_*</c>
/// environment variables, then defaults.
/// </summary>
internal sealed record ConsulSettings
{
    /// <summary>The Consul CLI's default address (no scheme: http unless <c>CONSUL_HTTP_SSL</c>).</summary>
    public const string DefaultAddress = "127.0.0.1:8500";

    /// <summary>Base URL.</summary>
    public Uri Address { get; init; } = new("http://" + DefaultAddress);

    /// <summary>ACL token sent as <c>X-Consul-Token</c>; never printed.</summary>
    public string? Token { get; init; }

    /// <summary>TLS settings (<c>CONSUL_CACERT</c>, <c>CONSUL_CLIENT_CERT</c>, <c>CONSUL_CLIENT_KEY</c>, <c>CONSUL_HTTP_SSL_VERIFY=false</c>).</summary>
    public ApiTlsSettings Tls { get; init; } = ApiTlsSettings.Default;

    /// <summary>Resolves the settings from flags and an environment lookup.</summary>
    public static ConsulSettings FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        flags ??= new ApiConnectionOverrides();
        var address = EnvironmentValues.Pick(flags.Address, environment, "CONSUL_HTTP_ADDR") ?? DefaultAddress;
        var useSsl = EnvironmentValues.ParseGoBool(environment("CONSUL_HTTP_SSL")) ?? false;

        // CONSUL_HTTP_SSL_VERIFY=false turns verification off; the flag says "skip" directly.
        var verify = EnvironmentValues.ParseGoBool(environment("CONSUL_HTTP_SSL_VERIFY")) ?? true;
        return new ConsulSettings
        {
            Address = ParseAddress(address, useSsl),
            Token = EnvironmentValues.Pick(flags.Token, environment, "CONSUL_HTTP_TOKEN"),
            Tls = new ApiTlsSettings(
                EnvironmentValues.Pick(flags.CaCertFile, environment, "CONSUL_CACERT"),
                EnvironmentValues.Pick(flags.ClientCertFile, environment, "CONSUL_CLIENT_CERT"),
                EnvironmentValues.Pick(flags.ClientKeyFile, environment, "CONSUL_CLIENT_KEY"),
                flags.SkipVerify ?? !verify),
        };
    }

    /// <summary>The transport endpoint.</summary>
    public ApiEndpoint ToEndpoint() => new("Consul", Address, "X-Consul-Token", Token, Tls);

    /// <summary>Prints without the token.</summary>
    public override string ToString() => ToEndpoint().ToString();

    private static Uri ParseAddress(string address, bool useSsl)
    {
        var text = address.Contains("://", StringComparison.Ordinal) ? address : (useSsl ? "https://" : "http://") + address;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Consul address '{address}' is not host:port or an http(s) URL (CONSUL_HTTP_ADDR).", nameof(address));
        }

        return uri;
    }
}
