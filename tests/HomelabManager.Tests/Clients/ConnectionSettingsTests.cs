using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Clients.Vault;

namespace HomelabManager.Tests.Clients;

/// <summary>Connection settings come from the HashiCorp CLIs' variables through an injected lookup; flags win.</summary>
public sealed class ConnectionSettingsTests
{
    [Fact]
    public void Nomad_reads_its_variables_and_flags_override_them()
    {
        var environment = Environment(new()
        {
            ["NOMAD_ADDR"] = "https://nomad.lan:4646",
            ["NOMAD_TOKEN"] = "nomad-token",
            ["NOMAD_CACERT"] = "/etc/nomad/ca.pem",
            ["NOMAD_CLIENT_CERT"] = "/etc/nomad/cli.pem",
            ["NOMAD_CLIENT_KEY"] = "/etc/nomad/cli-key.pem",
            ["NOMAD_SKIP_VERIFY"] = "maybe",
            ["NOMAD_NAMESPACE"] = "apps",
            ["NOMAD_REGION"] = "home",
        });

        var fromEnvironment = NomadSettings.FromEnvironment(environment);
        var withFlags = NomadSettings.FromEnvironment(environment, new ApiConnectionOverrides { Address = "http://10.0.0.5:4646", Token = "flag-token", SkipVerify = true, Namespace = "ops" });
        var defaults = NomadSettings.FromEnvironment(_ => null);

        Assert.Equal(new Uri("https://nomad.lan:4646"), fromEnvironment.Address);
        Assert.Equal(("nomad-token", "apps", "home"), (fromEnvironment.Token, fromEnvironment.Namespace, fromEnvironment.Region));
        Assert.Equal(new ApiTlsSettings("/etc/nomad/ca.pem", "/etc/nomad/cli.pem", "/etc/nomad/cli-key.pem", SkipVerify: false), fromEnvironment.Tls);
        Assert.Equal((new Uri("http://10.0.0.5:4646"), "flag-token", true, "ops", "home"), (withFlags.Address, withFlags.Token, withFlags.Tls.SkipVerify, withFlags.Namespace, withFlags.Region));
        Assert.Equal(new Uri("http://127.0.0.1:4646"), defaults.Address);
        Assert.Null(defaults.Token);
        Assert.False(defaults.Tls.SkipVerify);
        Assert.DoesNotContain("nomad-token", fromEnvironment.ToString(), StringComparison.Ordinal);
        Assert.Equal("X-Nomad-Token", fromEnvironment.ToEndpoint().TokenHeader);
    }

    [Fact]
    public void Consul_address_scheme_is_optional_and_ssl_variables_apply()
    {
        var plain = ConsulSettings.FromEnvironment(_ => null);
        var ssl = ConsulSettings.FromEnvironment(Environment(new() { ["CONSUL_HTTP_ADDR"] = "consul.lan:8501", ["CONSUL_HTTP_SSL"] = "true", ["CONSUL_HTTP_SSL_VERIFY"] = "false", ["CONSUL_HTTP_TOKEN"] = "t" }));

        Assert.Equal(new Uri("http://127.0.0.1:8500"), plain.Address);
        Assert.Equal(new Uri("https://consul.lan:8501"), ssl.Address);
        Assert.True(ssl.Tls.SkipVerify);
        Assert.Equal("t", ssl.Token);
    }

    [Fact]
    public void Vault_defaults_to_https_and_sends_namespace_and_request_headers()
    {
        var defaults = VaultSettings.FromEnvironment(_ => null);
        var settings = VaultSettings.FromEnvironment(Environment(new() { ["VAULT_ADDR"] = "http://127.0.0.1:8200", ["VAULT_NAMESPACE"] = "team/", ["VAULT_SKIP_VERIFY"] = "1" }));

        Assert.Equal(new Uri("https://127.0.0.1:8200"), defaults.Address);
        Assert.True(settings.Tls.SkipVerify);
        Assert.Equal("team/", settings.ToEndpoint().DefaultHeaders["X-Vault-Namespace"]);
        Assert.Equal("true", settings.ToEndpoint().DefaultHeaders["X-Vault-Request"]);
        Assert.Throws<ArgumentException>(() => VaultSettings.FromEnvironment(Environment(new() { ["VAULT_ADDR"] = "unix:///var/run/vault.sock" })));
    }

    [Fact]
    public void Tls_handler_keeps_verification_on_unless_skipped()
    {
        using var verifying = ApiHttpHandlerFactory.Create(ApiTlsSettings.Default);
        using var skipping = ApiHttpHandlerFactory.Create(new ApiTlsSettings(SkipVerify: true));

        Assert.Null(verifying.SslOptions.RemoteCertificateValidationCallback);
        Assert.NotNull(skipping.SslOptions.RemoteCertificateValidationCallback);
        Assert.Throws<ArgumentException>(() => ApiHttpHandlerFactory.Create(new ApiTlsSettings(ClientCertFile: "/only/cert.pem")));
    }

    private static Func<string, string?> Environment(Dictionary<string, string> values) =>
        name => values.GetValueOrDefault(name);
}
