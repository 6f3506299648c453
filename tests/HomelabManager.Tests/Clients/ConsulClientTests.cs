using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;
using HomelabManager.Tests.Doubles.Consul;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Clients;

/// <summary>The Consul client against the Consul double (fed by the Nomad double or by the test).</summary>
public sealed class ConsulClientTests
{
    [RequiresNomadSchemaFact]
    public async Task Services_of_running_Nomad_allocations_appear_with_tags_and_health()
    {
        await using var nomad = await NomadDouble.StartAsync();
        await using var consul = await ConsulDouble.StartAsync();
        consul.Attach(nomad);
        using var nomadClient = TestClients.Nomad(nomad);
        using var client = TestClients.Consul(consul);
        await nomadClient.RegisterJobAsync(TestClients.Register(TestClients.Job("nextcloud")));
        Assert.Empty((await client.ListServicesAsync()).Value);

        nomad.SettleDeployments();
        var services = await client.ListServicesAsync();
        var health = await client.ListServiceHealthAsync("nextcloud", passingOnly: true);
        var instances = await client.ListServiceInstancesAsync("nextcloud");

        Assert.Contains("nextcloud", services.Value.Keys);
        var entry = Assert.Single(health.Value);
        Assert.StartsWith("_nomad-task-", entry.Service!.Id, StringComparison.Ordinal);
        Assert.Equal(ConsulCheckStatus.Passing, entry.AggregatedStatus);
        Assert.Contains(entry.Checks, c => c.CheckId == "serfHealth");
        Assert.Equal(8080, entry.Service.Port);
        Assert.Equal(services.Value["nextcloud"], entry.Service.Tags);
        Assert.Equal("nomad", Assert.Single(instances.Value).ServiceMeta!["external-source"]);
        Assert.True(health.Index >= 1);
    }

    [Fact]
    public async Task Passing_filter_drops_instances_with_a_failing_check()
    {
        await using var consul = await ConsulDouble.StartAsync();
        using var client = TestClients.Consul(consul);
        consul.Register(new ConsulDoubleService("grafana", 3000, ["traefik.enable=true"], "passing", "grafana-1"));
        consul.Register(new ConsulDoubleService("grafana", 3001, ["traefik.enable=true"], "critical", "grafana-2"));

        var all = await client.ListServiceHealthAsync("grafana");
        var passing = await client.ListServiceHealthAsync("grafana", passingOnly: true);
        var unknown = await client.ListServiceHealthAsync("nope");

        Assert.Equal(2, all.Value.Count);
        Assert.Equal(ConsulCheckStatus.Critical, all.Value.Single(e => e.Service!.Id == "grafana-2").AggregatedStatus);
        Assert.Equal("grafana-1", Assert.Single(passing.Value).Service!.Id);
        Assert.Empty(unknown.Value);
        Assert.Contains(consul.Requests.All, r => r.Query == "?passing=true");
    }

    [Fact]
    public async Task Acl_filters_anonymous_reads_and_rejects_unknown_tokens()
    {
        await using var consul = await ConsulDouble.StartAsync(token: "consul-management-token");
        consul.Register(new ConsulDoubleService("grafana", 3000, []));
        using var anonymous = TestClients.Consul(consul);
        using var allowed = TestClients.Consul(consul, token: "consul-management-token");

        Assert.Empty((await anonymous.ListServicesAsync()).Value);
        var denied = await Assert.ThrowsAsync<ApiException>(() => anonymous.ReadAgentSelfAsync());
        Assert.Equal((403, "Permission denied", 1), (denied.StatusCode, denied.ServerMessage, denied.Attempts));
        Assert.Contains("grafana", (await allowed.ListServicesAsync()).Value.Keys);
        var self = await allowed.ReadAgentSelfAsync();
        Assert.Equal(("dc1", "1.21.5"), (self.Config!.Datacenter, self.Config.Version));
        Assert.Equal("127.0.0.1:8300", await anonymous.ReadLeaderAsync());
    }
}
