using System.Text.Json.Nodes;
using HomelabManager.Cli;
using HomelabManager.Tests.Doubles.Cloudflare;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Deployment;

/// <summary>
/// The example homelab (<c>examples/homelab</c>, copied) configured non-interactively (<c>configure --set …</c>) with
/// traefik + authelia + cloudflare_tunnel + cloudflare, deployed through the CLI against the Nomad, Vault and Cloudflare doubles, then one service removed.
/// </summary>
public sealed class TunnelDeployTests
{
    private const string Domain = "lab.example.com";
    private const string Account = "0123456789abcdef0123456789abcdef";
    private const string TunnelToken = "eyJhIjoidHVubmVsLWNhbmFyeSJ9-never-print";
    private const string Origin = "https://localhost:443";

    private static readonly string[] PublicHosts =
        ["auth.lab.example.com", "jellyfin.lab.example.com", "nextcloud.lab.example.com", "pihole.lab.example.com", "status.lab.example.com", "vaultwarden.lab.example.com"];

    /// <summary>The non-interactive <c>configure</c> answers choosing the four providers.</summary>
    private static string[] ConfigureArgs(CloudflareDouble cloudflare, string tunnel) =>
    [
        "configure",
        "--set", $"homelab.domain={Domain}",
        "--set", "reverse_proxy.provider=traefik",
        "--set", "reverse_proxy.config.acme_email=admin@lab.example.com",
        "--set", "auth.provider=authelia",
        "--set", "auth.config.jwt_secret=vault:secret/authelia#jwt_secret",
        "--set", "auth.config.session_secret=vault:secret/authelia#session_secret",
        "--set", "auth.config.storage_encryption_key=vault:secret/authelia#storage_encryption_key",
        "--set", "vpn.provider=cloudflare_tunnel",
        "--set", $"vpn.config.account_id={Account}",
        "--set", $"vpn.config.tunnel_id={tunnel}",
        "--set", "vpn.config.token=vault:secret/cloudflare#tunnel_token",
        "--set", "vpn.config.api_token=${CF_TOKEN}",
        "--set", $"vpn.config.api_url={cloudflare.ApiUrl}",
        "--set", "dns.provider=cloudflare",
        "--set", "dns.config.api_token=${CF_TOKEN}",
        "--set", $"dns.config.api_url={cloudflare.ApiUrl}",
    ];

    private static async Task<JsonNode?> LiveJobAsync(ClusterHarness cluster, string jobId)
    {
        using var http = new HttpClient { BaseAddress = cluster.Nomad.BaseAddress };
        using var response = await http.GetAsync(new Uri($"/v1/job/{jobId}", UriKind.Relative));
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private static List<string> Tags(JsonNode job) =>
        [.. job["TaskGroups"]![0]!["Services"]?[0]?["Tags"]?.AsArray().Select(t => (string)t!) ?? []];

    private static void SeedSecrets(ClusterHarness cluster)
    {
        cluster.Vault.Seed("secret", "cloudflare", new Dictionary<string, string> { ["tunnel_token"] = TunnelToken });
        cluster.Vault.Seed("secret", "authelia", new Dictionary<string, string>
        {
            ["jwt_secret"] = "jwt-0123456789", ["session_secret"] = "session-0123456789", ["storage_encryption_key"] = "storage-key-0123456789",
        });
        cluster.Vault.Seed("secret", "nextcloud", new Dictionary<string, string> { ["admin_user"] = "admin", ["admin_password"] = "pw" });
        cluster.Vault.Seed("secret", "postgres", new Dictionary<string, string> { ["password"] = "pw" });
        cluster.Vault.Seed("secret", "pihole", new Dictionary<string, string> { ["web_password"] = "pw" });
        cluster.Vault.Seed("secret", "vaultwarden", new Dictionary<string, string> { ["admin_token"] = "pw" });
        cluster.Vault.Seed("secret", "plex", new Dictionary<string, string> { ["claim_token"] = "pw" });
    }

    [RequiresNomadSchemaFact]
    public async Task Deploy_of_the_example_runs_the_tunnel_publishes_owned_CNAMEs_and_ingress_and_remove_takes_a_service_out_of_all_three()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Domain);
        var tunnel = cloudflare.AddTunnel(Account);
        var foreign = cloudflare.AddRecord(zone, "A", "router.lab.example.com", "192.0.2.1");
        foreach (var service in new[] { "web", "cloud", "cache" })
        {
            cluster.DeleteService(service);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.ExampleHomelab, "services"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.ExampleHomelab, file);
            cluster.Homelab.Write(relative, File.ReadAllText(file));
        }

        cluster.ExtraVariables["CF_TOKEN"] = CloudflareDouble.Token;
        File.Delete(Path.Combine(cluster.Homelab.Directory, "homelab.yaml"));
        var configure = await cluster.RunAsync(ConfigureArgs(cloudflare, tunnel));
        Assert.True(configure.ExitCode == ExitCodes.Ok, configure.Out + configure.Error);
        Assert.Contains("provider: cloudflare_tunnel", File.ReadAllText(Path.Combine(cluster.Homelab.Directory, "homelab.yaml")), StringComparison.Ordinal);
        SeedSecrets(cluster);

        var plan = await cluster.RunAsync("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 2, plan.Out + plan.Error);
        Assert.Contains($"+ tunnel {tunnel} ingress nextcloud.lab.example.com  create: → {Origin}", plan.Out, StringComparison.Ordinal);
        Assert.Contains($"+ DNS CNAME nextcloud.lab.example.com  create: → {tunnel}.cfargotunnel.com (proxied)", plan.Out, StringComparison.Ordinal);

        var deploy = await cluster.RunAsync("deploy");
        Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.Out + deploy.Error);

        // Nomad: the infrastructure jobs, and the routing tags on every public service.
        foreach (var job in new[] { "traefik", "authelia", "cloudflared" })
        {
            Assert.True(await LiveJobAsync(cluster, job) is not null, job);
        }

        var cloudflared = (await LiveJobAsync(cluster, "cloudflared"))!;
        Assert.Equal("host", (string?)cloudflared["TaskGroups"]![0]!["Tasks"]![0]!["Config"]!["network_mode"]);
        foreach (var (job, host, auth) in new[] { ("nextcloud", "nextcloud", false), ("jellyfin", "jellyfin", false), ("vaultwarden", "vaultwarden", false), ("pihole", "pihole", true), ("uptime-kuma", "status", true), ("authelia", "auth", false) })
        {
            var tags = Tags((await LiveJobAsync(cluster, job))!);
            Assert.Contains("traefik.enable=true", tags);
            Assert.Contains(tags, t => t.EndsWith($".rule=Host(`{host}.{Domain}`)", StringComparison.Ordinal));
            Assert.Equal(auth, tags.Any(t => t.Contains(".middlewares=authelia", StringComparison.Ordinal)));
        }

        Assert.Empty(Tags((await LiveJobAsync(cluster, "postgres"))!));

        // DNS: exactly the owned CNAMEs to the tunnel (proxied, marked), the foreign record untouched.
        var records = cloudflare.Records(zone);
        var owned = records.Where(r => (string?)r["comment"] == "managed-by=homelab-manager").ToList();
        Assert.Equal(PublicHosts, owned.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal));
        Assert.All(owned, r => Assert.Equal(("CNAME", $"{tunnel}.cfargotunnel.com", true), ((string)r["type"]!, (string)r["content"]!, (bool)r["proxied"]!)));
        Assert.Equal([foreign], records.Except(owned).Select(r => (string)r["id"]!));

        // Tunnel: one rule per public host, then the catch-all.
        Assert.Equal([.. PublicHosts.Select(h => (h, Origin)), (string.Empty, "http_status:404")], cloudflare.TunnelIngress(Account, tunnel));

        // A second deploy changes nothing anywhere.
        var writes = cloudflare.Requests.All.Count(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE");
        var again = await cluster.RunAsync("deploy");
        Assert.True(again.ExitCode == ExitCodes.Ok, again.Out + again.Error);
        Assert.Equal(writes, cloudflare.Requests.All.Count(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE"));
        Assert.Equal(ExitCodes.Ok, (await cluster.RunAsync("plan", "--detailed-exitcode")).ExitCode);

        // remove: the service's record, ingress rule and job (with its tags) are gone; the rest stays.
        var remove = await cluster.RunAsync("remove", "jellyfin", "--purge");
        Assert.True(remove.ExitCode == ExitCodes.Ok, remove.Out + remove.Error);
        Assert.Contains("DNS CNAME jellyfin.lab.example.com", remove.Out, StringComparison.Ordinal);
        Assert.Contains($"tunnel {tunnel} ingress jellyfin.lab.example.com", remove.Out, StringComparison.Ordinal);
        Assert.Null(await LiveJobAsync(cluster, "jellyfin"));
        Assert.DoesNotContain(cloudflare.Records(zone), r => (string)r["name"]! == "jellyfin.lab.example.com");
        Assert.Equal(6, cloudflare.Records(zone).Count);
        var remaining = PublicHosts.Where(h => h != "jellyfin.lab.example.com").ToList();
        Assert.Equal([.. remaining.Select(h => (h, Origin)), (string.Empty, "http_status:404")], cloudflare.TunnelIngress(Account, tunnel));

        // No secret anywhere: not the tunnel token (Vault only), not the API token.
        Assert.All(cluster.Runs, r => Assert.DoesNotContain(TunnelToken, r.Out + r.Error, StringComparison.Ordinal));
        Assert.All(cluster.Runs, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Out + r.Error, StringComparison.Ordinal));
        Assert.All(cluster.Nomad.Requests.All, r => Assert.DoesNotContain(TunnelToken, r.Body, StringComparison.Ordinal));
        Assert.All(cluster.Nomad.Requests.All, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Body, StringComparison.Ordinal));
        Assert.All(cloudflare.Requests.All, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Body, StringComparison.Ordinal));
    }
}
