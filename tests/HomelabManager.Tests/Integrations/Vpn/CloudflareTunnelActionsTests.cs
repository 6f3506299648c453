using System.Text.Json.Nodes;
using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Vpn.CloudflareTunnel;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Cloudflare;

namespace HomelabManager.Tests.Integrations.Vpn;

public sealed class CloudflareTunnelActionsTests
{
    private const string Account = "0123456789abcdef0123456789abcdef";
    private const string Domain = "home.example.com";
    private const string Origin = "https://localhost:443";

    private static readonly TunnelOrigin LocalProxy = new(Origin, VerifyTls: false);

    private static CloudflareClient Client(CloudflareDouble cloudflare, string token = CloudflareDouble.Token) =>
        new(new CloudflareSettings(cloudflare.ApiUrl, token), TestClients.Fast());

    private static ExternalActionRequest Wanted(params string[] hosts) =>
        new([], [.. hosts.Select(h => new TunnelIngressRule(h, Origin)), new TunnelIngressRule(string.Empty, "http_status:404")]);

    private static JsonObject Rule(string? hostname, string service, string? path = null)
    {
        var rule = new JsonObject();
        if (hostname is not null)
        {
            rule["hostname"] = hostname;
        }

        if (path is not null)
        {
            rule["path"] = path;
        }

        rule["service"] = service;
        return rule;
    }

    private static int Puts(CloudflareDouble cloudflare) => cloudflare.Requests.All.Count(r => r.Method == "PUT");

    [Fact]
    public async Task Plan_compares_only_its_own_rules_apply_keeps_the_rest_and_a_second_apply_changes_nothing()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        cloudflare.SetTunnelConfiguration(Account, tunnel, new JsonObject
        {
            ["ingress"] = new JsonArray(
                Rule("ssh.home.example.com", "ssh://localhost:22"),
                Rule("old.home.example.com", Origin),
                Rule("cloud.home.example.com", Origin, path: "^/special"),
                Rule("*.other.example.com", "http://192.0.2.5:80"),
                Rule(null, "http_status:404")),
            ["warp-routing"] = new JsonObject { ["enabled"] = false },
        });
        using var client = Client(cloudflare);
        var actions = new CloudflareTunnelActions(client, Account, tunnel, Domain, LocalProxy);
        var wanted = Wanted("git.home.example.com", "cloud.home.example.com");

        var plan = await actions.PlanAsync(wanted, default);
        Assert.Equal(
            [
                new ExternalChange(ExternalChangeKind.Create, $"tunnel {tunnel} ingress cloud.home.example.com", "→ " + Origin),
                new ExternalChange(ExternalChangeKind.Create, $"tunnel {tunnel} ingress git.home.example.com", "→ " + Origin),
                new ExternalChange(ExternalChangeKind.Delete, $"tunnel {tunnel} ingress old.home.example.com", "was → " + Origin),
            ],
            plan);
        Assert.Equal(0, Puts(cloudflare));

        Assert.Equal(plan, await actions.ApplyAsync(wanted, plan, default));
        Assert.Equal(1, Puts(cloudflare));
        Assert.Equal(
            [
                ("ssh.home.example.com", "ssh://localhost:22"),
                ("cloud.home.example.com", Origin),
                ("cloud.home.example.com", Origin),
                ("git.home.example.com", Origin),
                ("*.other.example.com", "http://192.0.2.5:80"),
                (string.Empty, "http_status:404"),
            ],
            cloudflare.TunnelIngress(Account, tunnel));
        var config = cloudflare.TunnelConfiguration(Account, tunnel)!;
        Assert.Equal("^/special", (string?)config["ingress"]![1]!["path"]);
        Assert.Equal("""{"matchSNItoHost":true,"noTLSVerify":true}""", config["ingress"]![2]!["originRequest"]!.ToJsonString());
        Assert.Null(config["ingress"]![0]!["originRequest"]);
        Assert.Equal("""{"enabled":false}""", config["warp-routing"]!.ToJsonString());

        // Idempotent: nothing left to plan, and applying again sends nothing.
        Assert.Empty(await actions.PlanAsync(wanted, default));
        Assert.Empty(await actions.ApplyAsync(wanted, plan, default));
        Assert.Equal(1, Puts(cloudflare));
        Assert.Equal(2, cloudflare.TunnelVersion(Account, tunnel));
    }

    [Fact]
    public async Task A_fresh_tunnel_gets_its_rules_and_the_catch_all_and_only_chosen_changes_are_made()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        using var client = Client(cloudflare);
        var actions = new CloudflareTunnelActions(client, Account, tunnel, Domain, new TunnelOrigin("http://localhost:80", VerifyTls: false));
        var wanted = new ExternalActionRequest([], [new("a.home.example.com", "http://localhost:80"), new("b.home.example.com", "http://localhost:80"), new(string.Empty, "http_status:404")]);

        var plan = await actions.PlanAsync(wanted, default);
        Assert.Equal(
            [
                $"Create tunnel {tunnel} ingress a.home.example.com",
                $"Create tunnel {tunnel} ingress b.home.example.com",
                $"Create tunnel {tunnel} ingress catch-all",
            ],
            plan.Select(c => $"{c.Kind} {c.Resource}"));

        // Only b (as deploy b would choose): the catch-all comes along because cloudflared needs it.
        await actions.ApplyAsync(wanted, [plan[1]], default);
        Assert.Equal([("b.home.example.com", "http://localhost:80"), (string.Empty, "http_status:404")], cloudflare.TunnelIngress(Account, tunnel));
        Assert.Null(cloudflare.TunnelConfiguration(Account, tunnel)!["ingress"]![0]!["originRequest"]);
        Assert.Equal([$"Create tunnel {tunnel} ingress a.home.example.com"], (await actions.PlanAsync(wanted, default)).Select(c => $"{c.Kind} {c.Resource}"));
    }

    [Fact]
    public async Task Origin_and_catch_all_changes_are_updates()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        cloudflare.SetTunnelConfiguration(Account, tunnel, new JsonObject
        {
            ["ingress"] = new JsonArray(Rule("cloud.home.example.com", "http://localhost:80"), Rule("git.home.example.com", Origin), Rule("*", "hello_world")),
        });
        using var client = Client(cloudflare);
        var actions = new CloudflareTunnelActions(client, Account, tunnel, Domain, LocalProxy);
        var wanted = Wanted("cloud.home.example.com", "git.home.example.com");

        var plan = await actions.PlanAsync(wanted, default);
        Assert.Equal(
            [
                new ExternalChange(ExternalChangeKind.Update, $"tunnel {tunnel} ingress cloud.home.example.com", "http://localhost:80 → " + Origin),
                new ExternalChange(ExternalChangeKind.Update, $"tunnel {tunnel} ingress git.home.example.com", $"→ {Origin} (matchSNItoHost on, noTLSVerify on)"),
                new ExternalChange(ExternalChangeKind.Update, $"tunnel {tunnel} ingress catch-all", "hello_world → http_status:404"),
            ],
            plan);
        await actions.ApplyAsync(wanted, plan, default);
        Assert.Equal([("cloud.home.example.com", Origin), ("git.home.example.com", Origin), (string.Empty, "http_status:404")], cloudflare.TunnelIngress(Account, tunnel));
        Assert.Empty(await actions.PlanAsync(wanted, default));
    }

    [Fact]
    public async Task The_double_checks_auth_fields_and_the_ingress_like_Cloudflare()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        using var client = Client(cloudflare);
        using var wrong = Client(cloudflare, "not-the-token-value");
        using var http = new HttpClient { BaseAddress = cloudflare.BaseAddress };
        var path = $"/client/v4/accounts/{Account}/cfd_tunnel/{tunnel}/configurations";

        var missing = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(400, (int)missing.StatusCode);
        Assert.Contains("\"code\":9106", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var denied = await Assert.ThrowsAsync<ApiException>(() => wrong.GetTunnelConfigurationAsync(Account, tunnel));
        Assert.Contains("Authentication error (code 10000)", denied.Message, StringComparison.Ordinal);

        var fresh = await client.GetTunnelConfigurationAsync(Account, tunnel);
        Assert.Equal((0, null, "cloudflare"), (fresh.Version, fresh.Config, fresh.Source));

        var notLast = await Assert.ThrowsAsync<ApiException>(() => client.PutTunnelConfigurationAsync(Account, tunnel, new CloudflareTunnelConfig
        {
            Ingress = [new CloudflareIngressRule { Service = "http_status:404" }, new CloudflareIngressRule { Hostname = "a.home.example.com", Service = Origin }],
        }));
        Assert.Equal((400, true), (notLast.StatusCode, notLast.IsUserError));
        Assert.EndsWith(
            "Bad Configuration: Validation failed: Rule #1 is matching the hostname '', but this will match every hostname, meaning the rules which follow it will never be triggered. (code 1056)",
            notLast.Message,
            StringComparison.Ordinal);
        var noCatchAll = await Assert.ThrowsAsync<ApiException>(() => client.PutTunnelConfigurationAsync(Account, tunnel, new CloudflareTunnelConfig
        {
            Ingress = [new CloudflareIngressRule { Hostname = "a.home.example.com", Service = Origin }],
        }));
        Assert.EndsWith("The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter) (code 1056)", noCatchAll.Message, StringComparison.Ordinal);
        var port = await Assert.ThrowsAsync<ApiException>(() => client.PutTunnelConfigurationAsync(Account, tunnel, new CloudflareTunnelConfig
        {
            Ingress = [new CloudflareIngressRule { Hostname = "a.home.example.com:443", Service = Origin }, new CloudflareIngressRule { Service = "http_status:404" }],
        }));
        Assert.EndsWith("Hostname cannot contain a port (code 1056)", port.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<ApiException>(() => client.PutTunnelConfigurationAsync(Account, tunnel, new CloudflareTunnelConfig
        {
            Ingress = [new CloudflareIngressRule { Service = "http_status:404", OriginRequest = new JsonObject { ["noTlsVerify"] = true } }],
        }));
        Assert.Contains("Unknown field noTlsVerify", unknown.Message, StringComparison.Ordinal);
        var otherTunnel = await Assert.ThrowsAsync<ApiException>(() => client.GetTunnelConfigurationAsync(Account, Guid.NewGuid().ToString("D")));
        Assert.Equal(404, otherTunnel.StatusCode);

        Assert.Equal(0, cloudflare.TunnelVersion(Account, tunnel));
        Assert.All(cloudflare.Requests.All, r => Assert.DoesNotContain(CloudflareDouble.Token, r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_a_failed_put_is_reported_without_the_token()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        var path = $"/client/v4/accounts/{Account}/cfd_tunnel/{tunnel}/configurations";
        cloudflare.Faults.Inject(path, Fault.Status(503, "upstream"), count: 1, method: "GET")
            .Inject(path, Fault.Status(502, "bad gateway"), count: 1, method: "PUT");
        using var client = Client(cloudflare);
        var actions = new CloudflareTunnelActions(client, Account, tunnel, Domain, LocalProxy);
        var wanted = Wanted("cloud.home.example.com");

        var applied = await actions.ApplyAsync(wanted, await actions.PlanAsync(wanted, default), default);
        Assert.Equal(2, applied.Count);
        Assert.Equal(2, cloudflare.Requests.Count("PUT", path));
        Assert.Equal(1, cloudflare.TunnelVersion(Account, tunnel));

        cloudflare.Faults.Inject(path, Fault.Status(400, """{"success":false,"errors":[{"code":1056,"message":"Bad Configuration: Validation failed: nope"}]}"""), count: 1, method: "PUT");
        var more = Wanted("cloud.home.example.com", "git.home.example.com");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await actions.ApplyAsync(more, await actions.PlanAsync(more, default), default));
        Assert.StartsWith($"updating the ingress of tunnel {tunnel} failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(code 1056)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CloudflareDouble.Token, error.Message, StringComparison.Ordinal);
    }
}
