using HomelabManager.Clients.Cloudflare;
using HomelabManager.Clients.Http;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Dns;
using HomelabManager.Integrations.Dns.Cloudflare;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Cloudflare;
using Microsoft.Extensions.Time.Testing;

namespace HomelabManager.Tests.Integrations.Dns;

public sealed class CloudflareDnsTests
{
    private const string Zone = "example.com";
    private const string Domain = "home.example.com";

    [Fact]
    public async Task Lists_every_page_and_stops_after_the_last()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Zone);
        for (var i = 0; i < 5; i++)
        {
            cloudflare.AddRecord(zone, "A", $"r{i}.example.com", $"192.0.2.{i}");
        }

        using var client = Client(cloudflare);
        var records = await client.ListDnsRecordsAsync(zone, pageSize: 3);

        Assert.Equal(["r0.example.com", "r1.example.com", "r2.example.com", "r3.example.com", "r4.example.com"], records.Select(r => r.Name));
        Assert.Equal(["?page=1&per_page=3", "?page=2&per_page=3"], cloudflare.Requests.WithPathPrefix($"/client/v4/zones/{zone}/dns_records").Select(r => r.Query));
    }

    [Fact]
    public async Task Errors_carry_the_code_and_message_and_never_the_token()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Zone);
        cloudflare.AddRecord(zone, "A", "app.example.com", "192.0.2.1");
        using var client = Client(cloudflare);
        using var wrong = new CloudflareClient(new CloudflareSettings(cloudflare.ApiUrl, "not-the-token-value"), TestClients.Fast());

        var duplicate = await Assert.ThrowsAsync<ApiException>(() => client.CreateDnsRecordAsync(zone, new CloudflareDnsRecordRequest { Type = "A", Name = "app.example.com", Content = "192.0.2.9", Ttl = 1 }));
        var identical = await Assert.ThrowsAsync<ApiException>(() => client.CreateDnsRecordAsync(zone, new CloudflareDnsRecordRequest { Type = "A", Name = "app.example.com", Content = "192.0.2.1", Ttl = 1 }));
        var missing = await Assert.ThrowsAsync<ApiException>(() => client.UpdateDnsRecordAsync(zone, "0123456789abcdef0123456789abcdef", new CloudflareDnsRecordRequest { Content = "192.0.2.2" }));
        var denied = await Assert.ThrowsAsync<ApiException>(() => wrong.FindZoneAsync(Zone));

        Assert.Equal((400, true, 1), (duplicate.StatusCode, duplicate.IsUserError, duplicate.Attempts));
        Assert.EndsWith("HTTP 400: Record already exists. (code 81057)", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("(code 81058)", identical.Message, StringComparison.Ordinal);
        Assert.Contains("Record does not exist. (code 81044)", missing.Message, StringComparison.Ordinal);
        Assert.Equal("Cloudflare API: GET /zones?name=example.com: HTTP 403: Authentication error (code 10000)", denied.Message);
        Assert.False(await client.DeleteDnsRecordAsync(zone, "0123456789abcdef0123456789abcdef"));
        Assert.All(cloudflare.Requests.All, r => Assert.Equal(SecretRedactor.Mask, r.Header("Authorization")));
    }

    [Fact]
    public async Task Cloudflares_own_retry_defaults_honour_a_long_Retry_After_and_do_not_retry_a_403()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone(Zone);
        cloudflare.Faults.Inject("/client/v4/zones", Fault.TooManyRequests(TimeSpan.FromSeconds(40)), method: "GET");
        var time = new FakeTimeProvider();
        var options = new ApiClientOptions { TimeProvider = time, Retry = CloudflareClient.DefaultRetry with { AttemptTimeout = Timeout.InfiniteTimeSpan } };
        using var client = new CloudflareClient(new CloudflareSettings(cloudflare.ApiUrl, CloudflareDouble.Token), options);
        using var wrong = new CloudflareClient(new CloudflareSettings(cloudflare.ApiUrl, "not-the-token-value"), options);

        var find = client.FindZoneAsync(Zone);
        while (!find.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.NotNull(await find);
        Assert.Equal(2, cloudflare.Requests.Count("GET", "/client/v4/zones"));
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(40), "the whole Retry-After is waited (the generic cap is 15 s)");
        var denied = await Assert.ThrowsAsync<ApiException>(() => wrong.FindZoneAsync(Zone));
        Assert.Equal(1, denied.Attempts);
    }

    [Fact]
    public async Task Doctor_checks_verify_the_token_and_find_the_zone()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone(Zone);
        using var client = Client(cloudflare);
        using var wrong = new CloudflareClient(new CloudflareSettings(cloudflare.ApiUrl, "not-the-token-value"), TestClients.Fast());

        var healthy = await CloudflareChecks.RunAsync(client, Zone, default);
        var noZone = await CloudflareChecks.RunAsync(client, "example.org", default);
        var denied = await CloudflareChecks.RunAsync(wrong, Zone, default);
        cloudflare.TokenStatus = "expired";
        var expired = await CloudflareChecks.RunAsync(client, Zone, default);

        Assert.Equal([("API token", ProviderCheckStatus.Pass, "active"), ("zone example.com", ProviderCheckStatus.Pass, "example.com is active")], healthy.Select(c => (c.Check, c.Status, c.Detail)));
        Assert.Equal("the token sees no zone \"example.org\"", noZone[1].Detail);
        Assert.Equal("Cloudflare API: GET /user/tokens/verify: HTTP 403: Authentication error (code 10000)", denied[0].Detail);
        Assert.Equal([ProviderCheckStatus.Fail, ProviderCheckStatus.Skip], denied.Select(c => c.Status));
        Assert.Equal("the token is expired", expired[0].Detail);
        Assert.All(cloudflare.Requests.All, r => Assert.Equal(SecretRedactor.Mask, r.Header("Authorization")));
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_on_the_injected_clock()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Zone);
        cloudflare.Faults.Inject($"/client/v4/zones/{zone}/dns_records", Fault.TooManyRequests(TimeSpan.FromSeconds(5)), count: 2)
            .Inject($"/client/v4/zones/{zone}/dns_records", Fault.Status(503, "upstream"), count: 1);
        var time = new FakeTimeProvider();
        using var client = Client(cloudflare, TestClients.Fast() with { TimeProvider = time, Retry = TestClients.Fast().Retry with { MaxDelay = TimeSpan.FromSeconds(30), AttemptTimeout = TimeSpan.FromDays(1) } });

        var list = client.ListDnsRecordsAsync(zone);
        while (!list.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Empty(await list);
        Assert.Equal(4, cloudflare.Requests.Count("GET", $"/client/v4/zones/{zone}/dns_records"));
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Plan_apply_is_idempotent_deletes_only_owned_records_and_reports_foreign_ones()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Zone);
        var foreignId = cloudflare.AddRecord(zone, "A", "photos.home.example.com", "198.51.100.7");
        cloudflare.AddRecord(zone, "A", "www.example.com", "198.51.100.8");
        using var client = Client(cloudflare);
        var actions = new CloudflareDnsActions(client, Zone, Domain);
        var wanted = Request(
            new DnsRecord("cloud.home.example.com", "CNAME", "tunnel.cfargotunnel.com", Proxied: true),
            new DnsRecord("git.home.example.com", "A", "203.0.113.10"),
            new DnsRecord("photos.home.example.com", "A", "203.0.113.10"));

        var plan = await actions.PlanAsync(wanted, default);
        Assert.Equal(
            [
                new ExternalChange(ExternalChangeKind.Create, "DNS CNAME cloud.home.example.com", "→ tunnel.cfargotunnel.com (proxied)"),
                new ExternalChange(ExternalChangeKind.Create, "DNS A git.home.example.com", "→ 203.0.113.10"),
                new ExternalChange(ExternalChangeKind.Conflict, "DNS A photos.home.example.com", "A 198.51.100.7 exists and is not managed by homelab-manager; left unchanged"),
            ],
            plan);
        var applied = await actions.ApplyAsync(wanted, plan, default);
        Assert.Equal(2, applied.Count);
        Assert.All(cloudflare.Records(zone).Where(r => ((string)r["name"]!).StartsWith("cloud.", StringComparison.Ordinal) || ((string)r["name"]!).StartsWith("git.", StringComparison.Ordinal)), r => Assert.Equal(DnsOwnership.CloudflareComment, (string?)r["comment"]));

        Assert.Equal([ExternalChangeKind.Conflict], (await actions.PlanAsync(wanted, default)).Select(c => c.Kind));
        Assert.Empty(await actions.ApplyAsync(wanted, await actions.PlanAsync(wanted, default), default));

        // The git service is gone and the tunnel target moved: the owned git record goes, the CNAME is patched.
        var later = Request(new DnsRecord("cloud.home.example.com", "CNAME", "other.cfargotunnel.com", Proxied: true), new DnsRecord("photos.home.example.com", "A", "203.0.113.10"));
        var second = await actions.PlanAsync(later, default);
        Assert.Equal([ExternalChangeKind.Update, ExternalChangeKind.Conflict, ExternalChangeKind.Delete], second.Select(c => c.Kind));
        await actions.ApplyAsync(later, second, default);

        var names = cloudflare.Records(zone).Select(r => ((string)r["name"]!, (string)r["content"]!)).Order().ToList();
        Assert.Equal([("cloud.home.example.com", "other.cfargotunnel.com"), ("photos.home.example.com", "198.51.100.7"), ("www.example.com", "198.51.100.8")], names);
        Assert.Contains(cloudflare.Records(zone), r => (string)r["id"]! == foreignId);
        Assert.Equal(1, cloudflare.Requests.Count("PATCH", $"/client/v4/zones/{zone}/dns_records/{(string)cloudflare.Records(zone).Single(r => (string)r["name"]! == "cloud.home.example.com")["id"]!}"));
        Assert.DoesNotContain(cloudflare.Requests.All, r => r.Method is "PATCH" or "DELETE" && r.Path.EndsWith(foreignId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("evil.home.example.com\nDNS A forged", "A", "203.0.113.1")]
    [InlineData("../zones.home.example.com", "A", "203.0.113.1")]
    [InlineData("app.other.org", "A", "203.0.113.1")]
    [InlineData("app.home.example.com", "A", "not-an-ip")]
    [InlineData("app.home.example.com", "CNAME", "x.example.com/../../zones")]
    [InlineData("APP.home.example.com", "A", "203.0.113.1")]
    [InlineData("app.home.example.com", "MX", "mail.example.com")]
    public async Task Hostile_records_are_refused_before_any_request(string name, string type, string target)
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone(Zone);
        using var client = Client(cloudflare);
        var actions = new CloudflareDnsActions(client, Zone, Domain);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => actions.PlanAsync(Request(new DnsRecord(name, type, target)), default));

        Assert.StartsWith("Refusing to sync DNS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(cloudflare.Requests.All);
    }

    [Fact]
    public async Task The_provider_builds_actions_on_the_shared_HttpClient()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var zone = cloudflare.AddZone(Zone);
        var yaml = IntegrationTestKit.Yaml($"dns:\n  provider: cloudflare\n  config:\n    api_token: ${{CF_TOKEN}}\n    zone: {Zone}\n    target: 203.0.113.10\n    api_url: {cloudflare.ApiUrl}\n");
        var (actions, wanted) = DnsTestKit.Actions(yaml, ("CF_TOKEN", CloudflareDouble.Token));
        using var http = new HttpClient();

        var provider = new CloudflareDnsProvider();
        var external = provider.CreateExternalActions(actions, http);
        var plan = await external.PlanAsync(wanted, default);
        await external.ApplyAsync(wanted, plan, default);

        Assert.Equal(["nextcloud.home.example.com"], cloudflare.Records(zone).Select(r => (string)r["name"]!));
        Assert.Empty(await external.PlanAsync(wanted, default));
    }

    private static CloudflareClient Client(CloudflareDouble cloudflare, ApiClientOptions? options = null) =>
        new(new CloudflareSettings(cloudflare.ApiUrl, CloudflareDouble.Token), options ?? TestClients.Fast());

    private static ExternalActionRequest Request(params DnsRecord[] records) => new(records, []);
}
