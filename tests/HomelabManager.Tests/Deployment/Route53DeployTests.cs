using HomelabManager.Cli;
using HomelabManager.Commands.Plan;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Route53;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>
/// plan, deploy and remove with the <c>route53</c> dns provider end to end, in-process: the secret access key comes from
/// Vault (<c>vault:secret/aws#secret_access_key</c>), every Route 53 request is signed and checked by the double.
/// </summary>
public sealed class Route53DeployTests
{
    private const string Domain = "lab.example.com";
    private const string SecretReference = "vault:secret/aws#secret_access_key";

    private static string Yaml(Route53Double route53) => $$"""
        homelab:
          domain: {{Domain}}
        reverse_proxy:
          provider: traefik
          config:
            acme_email: admin@lab.example.com
        dns:
          provider: route53
          config:
            zone: {{Domain}}
            access_key_id: {{Route53Double.AccessKeyId}}
            secret_access_key: {{SecretReference}}
            target: 203.0.113.10
            endpoint: {{route53.BaseAddress}}
        """;

    private static async Task<(ClusterHarness Cluster, Route53Double Route53, string Zone)> StartAsync(bool seedAwsSecret = true)
    {
        var cluster = await ClusterHarness.StartAsync();
        var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Domain);
        if (seedAwsSecret)
        {
            cluster.Vault.Seed("secret", "aws", new Dictionary<string, string> { ["secret_access_key"] = Route53Double.SecretAccessKey });
        }

        cluster.Homelab.Write("homelab.yaml", Yaml(route53));
        cluster.WriteService("web", "nginx:1.27", "  public_access = true\n");
        cluster.WriteService("cache", "redis:7", "  public_access = true\n");
        return (cluster, route53, zone);
    }

    private static IReadOnlyList<RecordedRequest> Route53Writes(Route53Double route53, int skip = 0) =>
        [.. route53.Requests.All.Skip(skip).Where(r => r.Method == "POST")];

    private static List<string> Sets(Route53Double route53, string zone) =>
        [.. route53.Sets(zone).Select(s => $"{s.Name} {s.Type} {string.Join(",", s.Values)}").Order(StringComparer.Ordinal)];

    private static void AssertSecretNeverShown(ClusterHarness cluster, Route53Double route53)
    {
        Assert.All(cluster.Runs, r => Assert.DoesNotContain(Route53Double.SecretAccessKey, r.Out + r.Error, StringComparison.Ordinal));
        Assert.All(route53.Requests.All, r => Assert.DoesNotContain(Route53Double.SecretAccessKey, r.Body + r.Query + string.Join("\n", r.Headers.Values), StringComparison.Ordinal));
        Assert.All(cluster.Nomad.Requests.All, r => Assert.DoesNotContain(Route53Double.SecretAccessKey, r.Body, StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Plan_deploy_rerun_and_remove_change_exactly_the_owned_records_with_credentials_from_Vault()
    {
        var (cluster, route53, zone) = await StartAsync();
        await using var _ = cluster;
        await using var __ = route53;
        route53.AddSet(zone, "manual.lab.example.com", "A", 300, "192.0.2.7");

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == PlanCommand.ChangesPending, plan.Out + plan.Error);
        Assert.Contains("+ DNS A cache.lab.example.com  create: → 203.0.113.10", plan.Out, StringComparison.Ordinal);
        Assert.Contains("+ DNS A web.lab.example.com  create: → 203.0.113.10", plan.Out, StringComparison.Ordinal);
        Assert.Contains("DNS: 2 create", plan.Out, StringComparison.Ordinal);
        Assert.Empty(Route53Writes(route53));
        Assert.Contains(cluster.Vault.Requests.All, r => r.Method == "GET" && r.Path == "/v1/secret/data/aws");

        var deploy = await cluster.RunAsync("deploy", "-v");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);
        Assert.Contains("DNS records applied (route53):", deploy.Out, StringComparison.Ordinal);
        Assert.Contains("Route 53 → POST", deploy.Error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "_homelab-manager.cache.lab.example.com. TXT \"heritage=homelab-manager\"",
                "_homelab-manager.web.lab.example.com. TXT \"heritage=homelab-manager\"",
                "cache.lab.example.com. A 203.0.113.10",
                "manual.lab.example.com. A 192.0.2.7",
                "web.lab.example.com. A 203.0.113.10",
            ],
            Sets(route53, zone));
        Assert.Equal(2, Route53Writes(route53).Count);

        // A second deploy changes nothing, in Nomad or in Route 53; plan agrees.
        var before = route53.Requests.All.Count;
        var nomadBefore = cluster.Nomad.Requests.All.Count;
        var again = await cluster.RunAsync("deploy");
        Assert.True(again.ExitCode == ExitCodes.Ok, again.Out + again.Error);
        Assert.Contains("DNS records (route53) up to date.", again.Out, StringComparison.Ordinal);
        Assert.Empty(Route53Writes(route53, before));
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(nomadBefore)));
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);

        // remove deletes the service's record and its marker in one batch; the foreign record and cache's stay.
        before = route53.Requests.All.Count;
        var remove = await cluster.RunAsync("remove", "web");
        Assert.True(remove.ExitCode == ExitCodes.Ok, remove.Out + remove.Error);
        Assert.Contains("- DNS A web.lab.example.com", remove.Out, StringComparison.Ordinal);
        Assert.Single(Route53Writes(route53, before));
        Assert.Equal(
            [
                "_homelab-manager.cache.lab.example.com. TXT \"heritage=homelab-manager\"",
                "cache.lab.example.com. A 203.0.113.10",
                "manual.lab.example.com. A 192.0.2.7",
            ],
            Sets(route53, zone));
        AssertSecretNeverShown(cluster, route53);
    }

    [RequiresNomadSchemaFact]
    public async Task A_missing_Vault_secret_is_named_before_anything_is_applied_and_offline_commands_never_read_Vault()
    {
        var (cluster, route53, zone) = await StartAsync(seedAwsSecret: false);
        await using var _ = cluster;
        await using var __ = route53;

        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("validate")).ExitCode);
        var render = await cluster.RunAsync("render", "--out", Path.Combine(cluster.Homelab.Directory, "out"));
        Assert.True(render.ExitCode == ExitCodes.Ok, render.Out + render.Error);
        Assert.Empty(cluster.Vault.Requests.All);

        var plan = await cluster.RunAsync("plan");
        Assert.Equal(ExitCodes.Failure, plan.ExitCode);
        Assert.Contains("dns.config.secret_access_key: " + SecretReference + ": no secret at path \"secret/aws\"", plan.Error, StringComparison.Ordinal);

        var deploy = await cluster.RunAsync("deploy");
        Assert.Equal(ExitCodes.Failure, deploy.ExitCode);
        Assert.Contains(SecretReference, deploy.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was applied.", deploy.Out + deploy.Error, StringComparison.Ordinal);
        Assert.Empty(ClusterHarness.Writes(cluster.Nomad.Requests.All));
        Assert.Empty(route53.Requests.All);
        Assert.Empty(route53.Sets(zone));
    }

    [RequiresNomadSchemaFact]
    public async Task Without_keys_in_homelab_yaml_the_AWS_variables_of_dot_env_sign_the_requests()
    {
        var (cluster, route53, zone) = await StartAsync(seedAwsSecret: false);
        await using var _ = cluster;
        await using var __ = route53;
        cluster.Homelab.Write("homelab.yaml", Yaml(route53)
            .Replace($"    access_key_id: {Route53Double.AccessKeyId}\n", string.Empty, StringComparison.Ordinal)
            .Replace($"    secret_access_key: {SecretReference}\n", string.Empty, StringComparison.Ordinal));
        cluster.Homelab.Write(".env", $"AWS_ACCESS_KEY_ID={Route53Double.AccessKeyId}\nAWS_SECRET_ACCESS_KEY={Route53Double.SecretAccessKey}\n");

        var deploy = await cluster.RunAsync("deploy");

        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);
        Assert.Contains("web.lab.example.com. A 203.0.113.10", Sets(route53, zone));
        Assert.DoesNotContain(cluster.Vault.Requests.All, r => r.Path.Contains("aws", StringComparison.Ordinal));
        AssertSecretNeverShown(cluster, route53);
    }
}
