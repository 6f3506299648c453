using System.Collections.Concurrent;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Consul;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Clients;

/// <summary>Tokens and secret values never appear in exception messages or traces.</summary>
public sealed class RedactionTests
{
    private const string NomadToken = "b7e4d1c2-5a6f-4e3d-9c8b-7a6f5e4d3c2b";

    [RequiresNomadSchemaFact]
    public async Task Nomad_token_is_sent_but_never_printed_even_when_the_server_echoes_it()
    {
        await using var nomad = await NomadDouble.StartAsync(new NomadDoubleOptions { Token = NomadToken });
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Nomad(nomad, token: NomadToken, options: TestClients.Fast(trace, retries: 1));
        nomad.Faults.Inject("/v1/jobs", Fault.Status(503, $"token {NomadToken} rejected by proxy"), count: 5, method: "GET");

        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListJobsAsync());

        Assert.Contains("token <redacted> rejected by proxy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(NomadToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(NomadToken, error.ServerMessage, StringComparison.Ordinal);
        Assert.NotEmpty(trace);
        Assert.All(trace, line => Assert.DoesNotContain(NomadToken, line, StringComparison.Ordinal));
        Assert.DoesNotContain(NomadToken, new HomelabManager.Clients.Nomad.NomadSettings { Token = NomadToken }.ToString(), StringComparison.Ordinal);
        Assert.All(nomad.Requests.All, r => Assert.Equal("<redacted>", r.Header("X-Nomad-Token")));
    }

    [Fact]
    public async Task Consul_token_never_appears_in_errors_or_traces()
    {
        const string token = "c0n5u1-token-value-0001";
        await using var consul = await ConsulDouble.StartAsync(token: "another-token-0002");
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Consul(consul, token: token, options: TestClients.Fast(trace));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListServicesAsync());

        Assert.Equal((403, "ACL not found"), (error.StatusCode, error.ServerMessage));
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.All(trace, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Vault_token_and_secret_values_never_appear_in_traces_errors_or_ToString()
    {
        const string secret = "correct-horse-battery-staple";
        await using var vault = await VaultDouble.StartAsync();
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Vault(vault, options: TestClients.Fast(trace));
        vault.Faults.Inject("/v1/secret/data/app", Fault.Status(500, $"{{\"errors\":[\"backend said {VaultDouble.RootToken}\"]}}"), method: "GET");

        await client.WriteSecretAsync(VaultKvMount.DefaultV2, "app", new Dictionary<string, string> { ["password"] = secret });
        var error = await Assert.ThrowsAsync<ApiException>(() => client.ReadSecretAsync(VaultKvMount.DefaultV2, "app"));
        var read = await client.ReadSecretAsync(VaultKvMount.DefaultV2, "app");
        var self = await client.LookupSelfAsync();

        Assert.Equal(secret, read!.Values!["password"]);
        Assert.DoesNotContain(secret, read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, read.Values.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(VaultDouble.RootToken, self.ToString(), StringComparison.Ordinal);
        Assert.Equal("backend said <redacted>", error.ServerMessage);
        Assert.DoesNotContain(VaultDouble.RootToken, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(trace);
        Assert.All(trace, line =>
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            Assert.DoesNotContain(VaultDouble.RootToken, line, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Redactor_masks_plain_and_url_escaped_tokens()
    {
        var redactor = new SecretRedactor("a/b+c token", null, "abc");

        Assert.Equal("x <redacted> y <redacted> abc", redactor.Redact("x a/b+c token y a%2Fb%2Bc%20token abc"));
    }
}
