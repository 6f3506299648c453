using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// Where and how to reach Nomad, resolved like the <c>nomad</c> CLI: flags, then <c>NOMAD_*</c>
/// environment variables, then defaults.
/// </summary>
internal sealed record NomadSettings
{
    /// <summary>The Nomad CLI's default address.</summary>
    public const string DefaultAddress = "http://127.0.0.1:4646";

    /// <summary>Base URL.</summary>
    public Uri Address { get; init; } = new(DefaultAddress);

    /// <summary>ACL SecretID sent as <c>X-Nomad-Token</c>; never printed.</summary>
    public string? Token { get; init; }

    /// <summary>TLS settings (<c>NOMAD_CACERT</c>, <c>NOMAD_CLIENT_CERT</c>, <c>NOMAD_CLIENT_KEY</c>, <c>NOMAD_SKIP_VERIFY</c>).</summary>
    public ApiTlsSettings Tls { get; init; } = ApiTlsSettings.Default;

    /// <summary>Added as <c>?namespace=</c> to every request when set.</summary>
    public string? Namespace { get; init; }

    /// <summary>Added as <c>?region=</c> to every request when set.</summary>
    public string? Region { get; init; }

    /// <summary>Resolves the settings from flags and an environment lookup (never the process environment directly).</summary>
    public static NomadSettings FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        flags ??= new ApiConnectionOverrides();
        var address = EnvironmentValues.Pick(flags.Address, environment, "NOMAD_ADDR") ?? DefaultAddress;
        return new NomadSettings
        {
            Address = ParseAddress(address),
            Token = EnvironmentValues.Pick(flags.Token, environment, "NOMAD_TOKEN"),
            Tls = new ApiTlsSettings(
                EnvironmentValues.Pick(flags.CaCertFile, environment, "NOMAD_CACERT"),
                EnvironmentValues.Pick(flags.ClientCertFile, environment, "NOMAD_CLIENT_CERT"),
                EnvironmentValues.Pick(flags.ClientKeyFile, environment, "NOMAD_CLIENT_KEY"),
                flags.SkipVerify ?? EnvironmentValues.ParseGoBool(environment("NOMAD_SKIP_VERIFY")) ?? false),
            Namespace = EnvironmentValues.Pick(flags.Namespace, environment, "NOMAD_NAMESPACE"),
            Region = EnvironmentValues.Pick(flags.Region, environment, "NOMAD_REGION"),
        };
    }

    /// <summary>The transport endpoint.</summary>
    public ApiEndpoint ToEndpoint() => new("Nomad", Address, "X-Nomad-Token", Token, Tls);

    /// <summary>Prints without the token.</summary>
    public override string ToString() => ToEndpoint().ToString();

    private static Uri ParseAddress(string address)
    {
        var text = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Nomad address '{address}' is not an http(s) URL (NOMAD_ADDR or --nomad-addr).", nameof(address));
        }

        return uri;
    }
}
