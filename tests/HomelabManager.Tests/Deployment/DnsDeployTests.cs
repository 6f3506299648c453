using System.Text.Json.Nodes;
using HomelabManager.Cli;
using HomelabManager.Commands.Plan;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Cloudflare;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>plan, deploy and remove sync the dns provider's records (Cloudflare double), end to end and in-process.</summary>
public sealed class DnsDeployTests
{
    private const string Domain = "lab.example.com";

    private static string Yaml(CloudflareDouble cloudflare) => $$"""
        homelab:
          domain: {{Domain}}
        reverse_proxy:
          provider: traefik
          config:
            acme_email: admin@lab.example.com
        dns:
          provider: cloudflare
          config:
            api_token: ${CF_TOKEN}
            target: 203.0.113.10
            api_url: {{cloudflare.ApiUrl}}
        """;

    private static async Task<(ClusterHarness Cluster, CloudflareDouble Cloudflare, string Zone)> StartAsync()
    {
        var cluster = await ClusterHarness.StartAsync();
        var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Domain);
        cluster.ExtraVariables["CF_TOKEN"] = CloudflareDouble.Token;
        cluster.Homelab.Write("homelab.yaml", Yaml(cloudflare));
        cluster.WriteService("web", "nginx:1.27", "  public_access = true\n");
        cluster.WriteService("cache", "redis:7", "  public_access = true\n");
        return (cluster, cloudflare, zone);
    }

    private static IReadOnlyList<RecordedRequest> CloudflareWrites(CloudflareDouble cloudflare, int skip = 0) =>
        [.. cloudflare.Requests.All.Skip(skip).Where(r => r.Method is "POST" or "PATCH" or "DELETE" or "PUT")];

    private static List<(string Name, string Type, string Content, string? Comment)> Records(CloudflareDouble cloudflare, string zone) =>
        [.. cloudflare.Records(zone)
            .Select(r => ((string)r["name"]!, (string)r["type"]!, (string)r["content"]!, (string?)r["comment"]))
            .OrderBy(r => r.Item1, StringComparer.Ordinal)];

    private static void AssertTokenNeverShown(ClusterHarness cluster, CloudflareDouble cloudflare)
    {
        Assert.All(cluster.Runs, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Out + r.Error, StringComparison.Ordinal));
        Assert.All(cloudflare.Requests.All, r =>
        {
            Assert.DoesNotContain(CloudflareDouble.Token, r.Body + r.Query, StringComparison.Ordinal);
            Assert.All(r.Headers.Values, v => Assert.DoesNotContain(CloudflareDouble.Token, v, StringComparison.Ordinal));
        });
        Assert.All(cluster.Nomad.Requests.All, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Body, StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Plan_lists_record_creations_in_text_and_json_and_counts_them_as_pending()
    {
        var (cluster, cloudflare, zone) = await StartAsync();
        await using var _ = cluster;
        await using var __ = cloudflare;

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == PlanCommand.ChangesPending, plan.Out + plan.Error);
        Assert.Contains("DNS record changes:", plan.Out, StringComparison.Ordinal);
        Assert.Contains("+ DNS A cache.lab.example.com  create: → 203.0.113.10", plan.Out, StringComparison.Ordinal);
        Assert.Contains("+ DNS A web.lab.example.com  create: → 203.0.113.10", plan.Out, StringComparison.Ordinal);
        Assert.Contains("DNS: 2 create", plan.Out, StringComparison.Ordinal);

        var json = await cluster.RunAsync("plan", "--output", "json");
        Assert.True(json.ExitCode == ExitCodes.Ok, json.Out + json.Error);
        var root = JsonNode.Parse(json.Out)!;
        Assert.True(root["pending"]!.GetValue<bool>());
        var dns = root["dns"]!.AsArray();
        Assert.Equal(
            ["create DNS A cache.lab.example.com", "create DNS A web.lab.example.com"],
            dns.Select(d => $"{(string)d!["action"]!} {(string)d["resource"]!}"));

        Assert.Empty(CloudflareWrites(cloudflare));
        Assert.Empty(Records(cloudflare, zone));
        AssertTokenNeverShown(cluster, cloudflare);
    }

    [RequiresNomadSchemaFact]
    public async Task Deploy_creates_owned_records_once_prunes_only_owned_ones_and_remove_deletes_the_services_record()
    {
        var (cluster, cloudflare, zone) = await StartAsync();
        await using var _ = cluster;
        await using var __ = cloudflare;

        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);
        Assert.Contains("DNS records applied (cloudflare):", deploy.Out, StringComparison.Ordinal);
        Assert.Equal(
            [("cache.lab.example.com", "A", "203.0.113.10", "managed-by=homelab-manager"), ("web.lab.example.com", "A", "203.0.113.10", "managed-by=homelab-manager")],
            Records(cloudflare, zone));
        Assert.Equal(2, CloudflareWrites(cloudflare).Count);

        // A second deploy changes nothing, in Nomad or in DNS; plan agrees.
        var before = cloudflare.Requests.All.Count;
        var nomadBefore = cluster.Nomad.Requests.All.Count;
        var again = await cluster.RunAsync("deploy");
        Assert.True(again.ExitCode == ExitCodes.Ok, again.Out + again.Error);
        Assert.Empty(CloudflareWrites(cloudflare, before));
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(nomadBefore)));
        Assert.Contains("DNS records (cloudflare) up to date.", again.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);

        // Records someone made by hand: one elsewhere in the zone, one where a new service wants its name.
        var manual = cloudflare.AddRecord(zone, "A", "manual.lab.example.com", "192.0.2.7");
        cloudflare.AddRecord(zone, "CNAME", "blog.lab.example.com", "someone.example.net");
        cluster.WriteService("blog", "ghost:5", "  public_access = true\n");
        cluster.DeleteService("cache");

        // Without --prune the removed service's record is kept.
        before = cloudflare.Requests.All.Count;
        var kept = await cluster.RunAsync("deploy");
        Assert.True(kept.ExitCode == ExitCodes.Ok, kept.Out + kept.Error);
        Assert.DoesNotContain(CloudflareWrites(cloudflare, before), r => r.Method == "DELETE");
        Assert.Contains("Kept 1 DNS record(s) of removed services", kept.Out, StringComparison.Ordinal);
        Assert.Contains("x DNS A blog.lab.example.com  conflict: CNAME someone.example.net exists and is not managed by homelab-manager", kept.Out, StringComparison.Ordinal);

        var plan = await cluster.RunAsync("plan", "--output", "json");
        var actions = JsonNode.Parse(plan.Out)!["dns"]!.AsArray().Select(d => $"{(string)d!["action"]!} {(string)d["resource"]!}").ToList();
        Assert.Equal(["conflict DNS A blog.lab.example.com", "delete DNS A cache.lab.example.com"], actions);

        before = cloudflare.Requests.All.Count;
        var prune = await cluster.RunAsync("deploy", "--prune", "--output", "json");
        Assert.True(prune.ExitCode == ExitCodes.Ok, prune.Out + prune.Error);
        var dns = JsonNode.Parse(prune.Out)!["dns"]!;
        Assert.Equal(["DNS A cache.lab.example.com"], dns["applied"]!.AsArray().Select(c => (string)c!["resource"]!));
        Assert.Equal(["DNS A blog.lab.example.com"], dns["conflicts"]!.AsArray().Select(c => (string)c!["resource"]!));
        var deletes = CloudflareWrites(cloudflare, before);
        Assert.Single(deletes);
        Assert.Equal("DELETE", deletes[0].Method);
        Assert.DoesNotContain(manual, deletes[0].Path, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("blog.lab.example.com", "CNAME", "someone.example.net", null),
                ("manual.lab.example.com", "A", "192.0.2.7", null),
                ("web.lab.example.com", "A", "203.0.113.10", "managed-by=homelab-manager"),
            ],
            Records(cloudflare, zone));

        // remove SERVICE deletes its owned record only.
        before = cloudflare.Requests.All.Count;
        var remove = await cluster.RunAsync("remove", "web");
        Assert.True(remove.ExitCode == ExitCodes.Ok, remove.Out + remove.Error);
        Assert.Contains("DNS records deleted:", remove.Out, StringComparison.Ordinal);
        Assert.Contains("- DNS A web.lab.example.com", remove.Out, StringComparison.Ordinal);
        Assert.Equal(["DELETE"], CloudflareWrites(cloudflare, before).Select(r => r.Method));
        Assert.Equal(["blog.lab.example.com", "manual.lab.example.com"], Records(cloudflare, zone).Select(r => r.Name));
        AssertTokenNeverShown(cluster, cloudflare);
    }

    [RequiresNomadSchemaFact]
    public async Task A_DNS_API_failure_after_the_jobs_exits_1_and_lists_the_jobs_as_applied()
    {
        var (cluster, cloudflare, zone) = await StartAsync();
        await using var _ = cluster;
        await using var __ = cloudflare;
        cloudflare.Faults.Inject($"/client/v4/zones/{zone}/dns_records", Fault.Status(403, "forbidden"), count: 1, method: "POST");

        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Failure, deploy.Out + deploy.Error);
        Assert.Contains("applying DNS records (cloudflare) failed", deploy.Error, StringComparison.Ordinal);
        Assert.Contains("Jobs applied: ", deploy.Error, StringComparison.Ordinal);
        Assert.Contains("web", deploy.Error[deploy.Error.IndexOf("Jobs applied: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("DNS changes not applied:", deploy.Out, StringComparison.Ordinal);
        Assert.Empty(Records(cloudflare, zone));

        // The next deploy (API healthy again) only does the DNS part.
        Assert.Equal(0, cloudflare.Faults.Pending);
        var nomadBefore = cluster.Nomad.Requests.All.Count;
        var again = await cluster.RunAsync("deploy");
        Assert.True(again.ExitCode == ExitCodes.Ok, again.Out + again.Error);
        Assert.Empty(ClusterHarness.Writes(cluster.NomadRequestsSince(nomadBefore)));
        Assert.Equal(["cache.lab.example.com", "web.lab.example.com"], Records(cloudflare, zone).Select(r => r.Name));
        AssertTokenNeverShown(cluster, cloudflare);
    }

    [RequiresNomadSchemaFact]
    public async Task Plan_of_named_services_shows_only_their_records_and_remove_never_deletes_a_foreign_record()
    {
        var (cluster, cloudflare, zone) = await StartAsync();
        await using var _ = cluster;
        await using var __ = cloudflare;
        cloudflare.AddRecord(zone, "A", "web.lab.example.com", "192.0.2.99", comment: "made by hand");

        var plan = await cluster.RunAsync("plan", "cache", "--output", "json");
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.Out + plan.Error);
        Assert.Equal(["create DNS A cache.lab.example.com"], JsonNode.Parse(plan.Out)!["dns"]!.AsArray().Select(d => $"{(string)d!["action"]!} {(string)d["resource"]!}"));

        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);
        Assert.Contains("DNS conflicts (not managed by homelab-manager, left unchanged):", deploy.Out, StringComparison.Ordinal);

        var before = cloudflare.Requests.All.Count;
        var remove = await cluster.RunAsync("remove", "web");
        Assert.True(remove.ExitCode == ExitCodes.Ok, remove.Out + remove.Error);
        Assert.Empty(CloudflareWrites(cloudflare, before));
        Assert.Contains(("web.lab.example.com", "A", "192.0.2.99", "made by hand"), Records(cloudflare, zone));
        AssertTokenNeverShown(cluster, cloudflare);
    }
}
