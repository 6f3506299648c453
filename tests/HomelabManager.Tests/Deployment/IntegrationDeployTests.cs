using System.Text.Json.Nodes;
using HomelabManager.Cli;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>deploy carries the integrations: their infrastructure jobs, the tags on public services, their Vault references.</summary>
public sealed class IntegrationDeployTests
{
    private const string IntegrationsYaml = """
        homelab:
          domain: lab.example.com
        reverse_proxy:
          provider: traefik
          config:
            acme_email: admin@lab.example.com
        auth:
          provider: authelia
          config:
            jwt_secret: vault:secret/authelia#jwt_secret
            session_secret: vault:secret/authelia#session_secret
            storage_encryption_key: vault:secret/authelia#storage_encryption_key
        """;

    private static async Task<JsonNode> LiveJobAsync(ClusterHarness cluster, string id)
    {
        using var http = new HttpClient { BaseAddress = cluster.Nomad.BaseAddress };
        return JsonNode.Parse(await http.GetStringAsync(new Uri($"/v1/job/{id}", UriKind.Relative)))!;
    }

    [RequiresNomadSchemaFact]
    public async Task Deploy_registers_proxy_and_auth_jobs_and_routes_public_services()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        cluster.Homelab.Write("homelab.yaml", IntegrationsYaml);
        cluster.WriteService("web", "nginx:1.27", "  public_access = true\n  auth = true\n");

        // authelia's secrets are checked before anything is written.
        var missing = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("secret/authelia", missing.Error + missing.Out, StringComparison.Ordinal);
        Assert.Empty(ClusterHarness.Writes(cluster.Nomad.Requests.All));

        cluster.Vault.Seed("secret", "authelia", new Dictionary<string, string>
        {
            ["jwt_secret"] = ClusterHarness.CanarySecret,
            ["session_secret"] = ClusterHarness.CanarySecret,
            ["storage_encryption_key"] = ClusterHarness.CanarySecret,
        });
        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);

        var traefik = await LiveJobAsync(cluster, "traefik");
        Assert.Equal("system", traefik["Type"]!.GetValue<string>());
        Assert.NotNull(await LiveJobAsync(cluster, "authelia"));
        var web = await LiveJobAsync(cluster, "web");
        var tags = web["TaskGroups"]![0]!["Services"]![0]!["Tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("traefik.enable=true", tags);
        Assert.Contains("traefik.http.routers.web.rule=Host(`web.lab.example.com`)", tags);
        Assert.Contains("traefik.http.routers.web.middlewares=authelia@consulcatalog", tags);

        Assert.DoesNotContain(ClusterHarness.CanarySecret, deploy.Out + deploy.Error, StringComparison.Ordinal);
        Assert.All(cluster.Nomad.Requests.All, r => Assert.DoesNotContain(ClusterHarness.CanarySecret, r.Body, StringComparison.Ordinal));

        var before = cluster.Nomad.Requests.All.Count;
        var again = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(before)));
    }
}
