using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Jobs;
using HomelabManager.Tests.Jobs;
using HomelabManager.Tests.NomadSchema;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations.Vpn;

public sealed class CloudflareTunnelProviderTests
{
    private const string TunnelId = "6ff42ae2-765d-4adf-8112-31c55c1551ef";
    private const string AccountId = "0123456789abcdef0123456789abcdef";
    private const string ApiToken = "cf-api-token-never-shown-42";

    private static string Vpn(string extra = "") => $"""
        vpn:
          provider: cloudflare_tunnel
          config:
            account_id: {AccountId}
            tunnel_id: {TunnelId}
            token: vault:secret/cloudflare#tunnel_token
            api_token: {"${CF_TOKEN}"}
        {extra}
        """;

    private const string CloudflareDns = """
        dns:
          provider: cloudflare
          config:
            api_token: ${CF_TOKEN}
        """;

    private static IntegrationPlan TunnelPlan(string sections) =>
        SuccessfulPlan(Yaml(sections), DefaultServices, variables: ("CF_TOKEN", ApiToken));

    [Fact]
    public void Is_found_in_the_vpn_category()
    {
        Assert.Contains("cloudflare_tunnel", IntegrationRegistry.Default.InCategory(IntegrationCategory.Vpn).Select(p => p.Name));
    }

    [RequiresNomadSchemaFact]
    public void Cloudflared_runs_with_its_token_from_Vault_on_the_host_network_and_no_secret_in_the_job()
    {
        var plan = TunnelPlan(Vpn() + "\n" + CloudflareDns + "\n" + ReverseProxy("traefik") + "\n" + AutheliaSection);

        var job = Job(plan, "cloudflared");
        AssertSchemaValid(job);
        var task = job.TaskGroups.Single().Tasks.Single();
        Assert.Equal("cloudflare/cloudflared:2025.8.0", task.Config.Image);
        Assert.Equal(["tunnel", "--no-autoupdate", "--metrics", "${NOMAD_ADDR_metrics}", "run"], task.Config.Args);
        Assert.Equal("host", task.Config.NetworkMode);
        Assert.Null(task.Config.Ports);
        Assert.Null(Assert.Single(job.TaskGroups.Single().Networks!.Single().DynamicPorts!).To);
        Assert.NotNull(task.Vault);
        var template = Assert.Single(task.Templates!, t => t.Envvars == true);
        Assert.Contains("TUNNEL_TOKEN", template.EmbeddedTmpl, StringComparison.Ordinal);
        Assert.Contains("secret/data/cloudflare", template.EmbeddedTmpl, StringComparison.Ordinal);
        Assert.True(task.Env is null || !task.Env.ContainsKey("TUNNEL_TOKEN"));
        var service = job.TaskGroups.Single().Services!.Single();
        Assert.Equal("/ready", service.Checks!.Single().Path);
        Assert.Null(service.Tags); // not public: no router tags

        var json = NomadJobJson.Serialize(job);
        Assert.DoesNotContain(ApiToken, json, StringComparison.Ordinal);
        Assert.Contains("\"network_mode\": \"host\"", json, StringComparison.Ordinal);
        Assert.Contains("network_mode = \"host\"", NomadJobHclWriter.Write(job), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingress_routes_every_public_host_to_the_origin_and_ends_in_the_catch_all()
    {
        var plan = TunnelPlan(Vpn() + "\n" + CloudflareDns + "\n" + ReverseProxy("traefik") + "\n" + AutheliaSection);

        Assert.Equal(
            [
                new TunnelIngressRule("auth.home.example.com", "https://localhost:443"),
                new TunnelIngressRule("dns.home.example.com", "https://localhost:443"),
                new TunnelIngressRule("nextcloud.home.example.com", "https://localhost:443"),
                new TunnelIngressRule(string.Empty, "http_status:404"),
            ],
            plan.TunnelIngress);
    }

    [Fact]
    public void The_dns_provider_publishes_proxied_CNAMEs_to_the_tunnel()
    {
        var plan = TunnelPlan(Vpn("    origin: http://localhost:8080") + "\n" + CloudflareDns + "\n" + ReverseProxy("traefik") + "\n" + AutheliaSection);

        Assert.Equal(3, plan.DnsRecords.Count);
        Assert.All(plan.DnsRecords, r => Assert.Equal(("CNAME", TunnelId + ".cfargotunnel.com", true), (r.Type, r.Target, r.Proxied)));
        Assert.Equal(["auth.home.example.com", "dns.home.example.com", "nextcloud.home.example.com"], plan.DnsRecords.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(plan.TunnelIngress.SkipLast(1), r => Assert.Equal("http://localhost:8080", r.Service));
    }

    [Fact]
    public void Without_a_dns_provider_it_warns_that_nothing_publishes_the_names()
    {
        var plan = SuccessfulPlan(Yaml(Vpn() + "\n" + ReverseProxy("traefik")), NoAuthServices, variables: ("CF_TOKEN", ApiToken));

        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(("HLM430", false), (warning.Code, warning.IsError));
        Assert.Equal(4, warning.Range.Start.Line);
    }

    [Fact]
    public void Bad_values_are_reported_at_their_line_and_secrets_are_never_echoed()
    {
        var plan = Plan(Yaml("""
            vpn:
              provider: cloudflare_tunnel
              config:
                account_id: not-an-account
                tunnel_id: 6ff42ae2-nope
                token: literal-tunnel-token-value
                api_token: literal-api-token-value
                origin: http://localhost:80/app
                origin_tls_verify: perhaps
                image: "bad image"
                api_url: ftp://x
                colour: blue
            dns:
              provider: cloudflare
              config:
                api_token: ${CF_TOKEN}
            """), DefaultServices, variables: ("CF_TOKEN", ApiToken));

        var byLine = plan.Diagnostics.GroupBy(d => d.Range.Start.Line).ToDictionary(g => g.Key, g => g.Select(d => d.Code).ToList());
        Assert.Contains("HLM401", byLine[8]); // the tunnel token must be a vault: reference
        Assert.Contains("HLM402", byLine[9]); // a literal API token: a warning
        foreach (var line in new[] { 6, 7, 10, 11, 12, 13, 14 })
        {
            Assert.True(byLine.ContainsKey(line), $"line {line}: " + string.Join("\n", plan.Diagnostics));
        }

        var text = string.Join("\n", plan.Diagnostics.Select(d => d.ToString()));
        Assert.Contains("ingress rules don't support proxying to a different path on the origin service", text, StringComparison.Ordinal);
        Assert.Contains("\"colour\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("literal-tunnel-token-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("literal-api-token-value", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://localhost:443", null)]
    [InlineData("http://127.0.0.1:80", null)]
    [InlineData("http://traefik.service.consul", null)]
    [InlineData("tcp://localhost:22", "Expected an http:// or https:// URL")]
    [InlineData("localhost:80", "Expected an http:// or https:// URL")]
    [InlineData("http://", "http:// is an invalid address, please make sure it has a scheme and a hostname.")]
    [InlineData("https://localhost:443/", "ingress rules don't support proxying to a different path")]
    public void Origin_follows_cloudflared_service_rules(string origin, string? problem)
    {
        var found = HomelabManager.Integrations.Vpn.CloudflareTunnel.CloudflareTunnelProvider.OriginProblem(origin);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
