using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Route53;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Dns;
using HomelabManager.Integrations.Dns.Route53;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Route53;
using Microsoft.Extensions.Time.Testing;

namespace HomelabManager.Tests.Integrations.Dns;

public sealed class Route53DnsTests
{
    private const string Zone = "example.com";
    private const string Domain = "home.example.com";

    [Fact]
    public async Task Signed_requests_are_accepted_and_every_page_is_read()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Zone);
        foreach (var label in (string[])["a", "b", "c", "d", "e"])
        {
            route53.AddSet(zone, $"{label}.example.com", "A", 300, "192.0.2.1");
        }

        route53.MaxPage = 2;
        using var client = Client(route53);

        var sets = await client.ListResourceRecordSetsAsync("/hostedzone/" + zone);

        Assert.Equal(["a.example.com.", "b.example.com.", "c.example.com.", "d.example.com.", "e.example.com."], sets.Select(s => s.Name));
        Assert.Equal(3, route53.Requests.Count("GET", $"/2013-04-01/hostedzone/{zone}/rrset"));
        Assert.Equal(zone, await client.FindHostedZoneIdAsync(Zone));
        Assert.All(route53.Requests.All, r => Assert.Equal(SecretRedactor.Mask, r.Header("Authorization")));
    }

    [Fact]
    public async Task A_wrong_secret_gets_the_real_403_and_the_secret_is_never_shown()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Zone);
        const string WrongSecret = "wrong-secret-key-0123456789";
        using var client = new Route53Client(new Route53Settings(route53.BaseAddress, new AwsCredentials(Route53Double.AccessKeyId, WrongSecret)), TestClients.Fast());

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListResourceRecordSetsAsync(zone));

        Assert.Equal((403, true, 1), (error.StatusCode, error.IsUserError, error.Attempts));
        Assert.Contains("SignatureDoesNotMatch: The request signature we calculated does not match", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, string.Join("\n", route53.Requests.All.SelectMany(r => r.Headers.Values)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_change_batches_and_error_responses_are_reported_with_the_servers_messages()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Zone);
        route53.AddSet(zone, "app.example.com", "A", 300, "192.0.2.1");
        using var client = Client(route53);

        var exists = await Assert.ThrowsAsync<ApiException>(() => client.ChangeResourceRecordSetsAsync(zone, [new(Route53Action.Create, new("app.example.com.", "A", 300, ["192.0.2.9"]))]));
        var unknown = await Assert.ThrowsAsync<ApiException>(() => client.ListResourceRecordSetsAsync("ZNOSUCHZONE"));

        Assert.EndsWith("HTTP 400: InvalidChangeBatch: [Tried to create resource record set [name='app.example.com.', type='A'] but it already exists]", exists.Message, StringComparison.Ordinal);
        Assert.EndsWith("HTTP 404: NoSuchHostedZone: No hosted zone found with ID: ZNOSUCHZONE", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_published_error_shapes_parse()
    {
        var vectors = Path.Combine(RepositoryPaths.Shared, "contracts", "vectors", "route53");
        if (!Directory.Exists(vectors))
        {
            return; // the shared vectors are optional (a user's fresh clone)
        }

        Assert.Equal(("InvalidInput", "Invalid resource type: foo"), Route53Xml.Error(File.ReadAllText(Path.Combine(vectors, "error-invalid-input.xml"))));
        var batch = Route53Xml.Error(File.ReadAllText(Path.Combine(vectors, "error-invalid-change-batch.xml")))!.Value;
        Assert.Equal("InvalidChangeBatch", batch.Code);
        Assert.StartsWith("[", batch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_apply_is_idempotent_deletes_only_owned_records_and_reports_foreign_ones()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Zone);
        route53.AddSet(zone, "photos.home.example.com", "A", 60, "198.51.100.7");
        using var client = Client(route53);
        var actions = new Route53DnsActions(client, null, Zone, Domain, 300);
        var wanted = Request(new DnsRecord("cloud.home.example.com", "A", "203.0.113.10"), new DnsRecord("git.home.example.com", "CNAME", "home.example.net"), new DnsRecord("photos.home.example.com", "A", "203.0.113.10"));

        var plan = await actions.PlanAsync(wanted, default);
        Assert.Equal([ExternalChangeKind.Create, ExternalChangeKind.Create, ExternalChangeKind.Conflict], plan.Select(c => c.Kind));
        Assert.Equal(2, (await actions.ApplyAsync(wanted, plan, default)).Count);
        Assert.Contains(route53.Sets(zone), s => s is { Name: "_homelab-manager.git.home.example.com.", Type: "TXT" } && s.Values.Single() == DnsOwnership.Route53MarkerValue);

        Assert.Equal([ExternalChangeKind.Conflict], (await actions.PlanAsync(wanted, default)).Select(c => c.Kind));

        var later = Request(new DnsRecord("cloud.home.example.com", "AAAA", "2001:db8::10"), new DnsRecord("photos.home.example.com", "A", "203.0.113.10"));
        var second = await actions.PlanAsync(later, default);
        Assert.Equal([ExternalChangeKind.Update, ExternalChangeKind.Conflict, ExternalChangeKind.Delete], second.Select(c => c.Kind));
        await actions.ApplyAsync(later, second, default);

        Assert.Equal(
            [("_homelab-manager.cloud.home.example.com.", "TXT"), ("cloud.home.example.com.", "AAAA"), ("photos.home.example.com.", "A")],
            route53.Sets(zone).Select(s => (s.Name, s.Type)).Order());
        Assert.Equal(["198.51.100.7"], route53.Sets(zone).Single(s => s.Name == "photos.home.example.com.").Values);
        Assert.Empty(await actions.PlanAsync(Request(later.DnsRecords[0]), default));
    }

    [Fact]
    public async Task Credentials_come_from_config_variables_or_the_AWS_environment()
    {
        await using var route53 = await Route53Double.StartAsync();
        route53.AddZone(Zone);
        var yaml = IntegrationTestKit.Yaml($"dns:\n  provider: route53\n  config:\n    zone: {Zone}\n    access_key_id: ${{AWS_KEY}}\n    secret_access_key: ${{AWS_SECRET}}\n    target: 203.0.113.10\n    endpoint: {route53.BaseAddress}\n");
        var (context, wanted) = DnsTestKit.Actions(yaml, ("AWS_KEY", Route53Double.AccessKeyId), ("AWS_SECRET", Route53Double.SecretAccessKey));
        using var http = new HttpClient();

        var external = new Route53DnsProvider().CreateExternalActions(context, http);
        var plan = await external.PlanAsync(wanted, default);
        await external.ApplyAsync(wanted, plan, default);

        Assert.Equal([new ExternalChange(ExternalChangeKind.Create, "DNS A nextcloud.home.example.com", "→ 203.0.113.10")], plan);
        Assert.Empty(await external.PlanAsync(wanted, default));
        var settings = DnsTestKit.Actions(yaml.Replace("    access_key_id: ${AWS_KEY}\n    secret_access_key: ${AWS_SECRET}\n", string.Empty, StringComparison.Ordinal)).Context.Settings;
        var fromEnvironment = Route53DnsProvider.Credentials(
            settings,
            settings.GetString,
            name => name switch { "AWS_ACCESS_KEY_ID" => "AKIDENV", "AWS_SECRET_ACCESS_KEY" => "env-secret", "AWS_SESSION_TOKEN" => "env-token", _ => null });
        Assert.Equal(new AwsCredentials("AKIDENV", "env-secret", "env-token"), fromEnvironment);
    }

    [Fact]
    public async Task Throttling_and_PriorRequestNotComplete_are_retried_on_Route53s_own_backoff_but_other_400s_are_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var route53 = await Route53Double.StartAsync(time);
        var zone = route53.AddZone(Zone);
        var changes = $"/2013-04-01/hostedzone/{zone}/rrset/";
        route53.Faults.Inject(changes, Fault.Status(400, Route53Double.ErrorDocument("Throttling", "Rate exceeded")), count: 2, method: "POST")
            .Inject(changes, Fault.Status(400, Route53Double.ErrorDocument("PriorRequestNotComplete", "The request was rejected because Route 53 was still processing a prior request.")), method: "POST")
            .Inject($"/2013-04-01/hostedzone/{zone}/rrset", Fault.Status(400, Route53Double.ErrorDocument("InvalidInput", "Invalid request")), method: "GET");
        using var client = new Route53Client(
            new Route53Settings(route53.BaseAddress, new AwsCredentials(Route53Double.AccessKeyId, Route53Double.SecretAccessKey)),
            new ApiClientOptions { TimeProvider = time, Retry = Route53Client.DefaultRetry with { AttemptTimeout = Timeout.InfiniteTimeSpan } });

        // A CREATE batch is not idempotent, yet a throttled one was never acted on: it is sent again.
        var change = client.ChangeResourceRecordSetsAsync(zone, [new(Route53Action.Create, new("app.example.com.", "A", 300, ["192.0.2.9"]))]);
        while (!change.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.Equal("PENDING", (await change).Status);
        Assert.Equal(4, route53.Requests.Count("POST", changes));
        Assert.Contains(route53.Sets(zone), s => s.Name == "app.example.com.");
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(1));

        var invalid = await Assert.ThrowsAsync<ApiException>(() => client.ListResourceRecordSetsAsync(zone));
        Assert.Equal((400, true, 1), (invalid.StatusCode, invalid.IsUserError, invalid.Attempts));
        Assert.EndsWith("HTTP 400: InvalidInput: Invalid request", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_checks_read_the_hosted_zone_and_one_record_set_signed()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone(Zone);
        route53.AddSet(zone, "a.example.com", "A", 300, "192.0.2.1");
        route53.AddSet(zone, "b.example.com", "A", 300, "192.0.2.2");
        using var client = Client(route53);

        var byId = await Route53Checks.RunAsync(client, "/hostedzone/" + zone, Zone, default);
        var byName = await Route53Checks.RunAsync(client, null, Zone, default);
        var unknown = await Route53Checks.RunAsync(client, "ZNOSUCHZONE", Zone, default);
        var otherZone = await Route53Checks.RunAsync(client, zone, "example.org", default);

        Assert.All(byId.Concat(byName), c => Assert.Equal(ProviderCheckStatus.Pass, c.Status));
        Assert.Equal(["hosted zone example.com", "records readable"], byId.Select(c => c.Check));
        Assert.Equal("?maxitems=1", route53.Requests.WithPathPrefix($"/2013-04-01/hostedzone/{zone}/rrset")[0].Query);
        Assert.Equal(2, route53.Requests.Count("GET", $"/2013-04-01/hostedzone/{zone}"));
        Assert.Equal([ProviderCheckStatus.Fail, ProviderCheckStatus.Skip], unknown.Select(c => c.Status));
        Assert.EndsWith("HTTP 404: NoSuchHostedZone: No hosted zone found with ID: ZNOSUCHZONE", unknown[0].Detail, StringComparison.Ordinal);
        Assert.Contains("is example.com, not example.org", otherZone[0].Detail, StringComparison.Ordinal);
    }

    private static Route53Client Client(Route53Double route53) =>
        new(new Route53Settings(route53.BaseAddress, new AwsCredentials(Route53Double.AccessKeyId, Route53Double.SecretAccessKey)), TestClients.Fast());

    private static ExternalActionRequest Request(params DnsRecord[] records) => new(records, []);
}
