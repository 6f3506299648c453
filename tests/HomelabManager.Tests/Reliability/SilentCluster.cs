using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Consul;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// Nomad, Consul and Vault doubles that a test class shares and that should never hear from the CLI: bad input
/// must stop every command before its first request.
/// </summary>
public sealed class SilentCluster : IAsyncLifetime
{
    internal NomadDouble Nomad { get; private set; } = null!;

    internal ConsulDouble Consul { get; private set; } = null!;

    internal VaultDouble Vault { get; private set; } = null!;

    /// <summary>Connection variables pointing at the doubles, with every token set.</summary>
    internal Dictionary<string, string> Environment => new()
    {
        ["NOMAD_ADDR"] = Nomad.BaseAddress.ToString().TrimEnd('/'),
        ["NOMAD_TOKEN"] = "silent-nomad-token",
        ["CONSUL_HTTP_ADDR"] = Consul.BaseAddress.ToString().TrimEnd('/'),
        ["CONSUL_HTTP_TOKEN"] = "silent-consul-token",
        ["VAULT_ADDR"] = Vault.BaseAddress.ToString().TrimEnd('/'),
        ["VAULT_TOKEN"] = VaultDouble.RootToken,
    };

    /// <summary>Every request any of the doubles received.</summary>
    internal IReadOnlyList<RecordedRequest> Requests => [.. Nomad.Requests.All, .. Consul.Requests.All, .. Vault.Requests.All];

    public async Task InitializeAsync()
    {
        Nomad = await NomadDouble.StartAsync();
        Consul = await ConsulDouble.StartAsync();
        Vault = await VaultDouble.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Nomad.DisposeAsync();
        await Consul.DisposeAsync();
        await Vault.DisposeAsync();
    }
}
