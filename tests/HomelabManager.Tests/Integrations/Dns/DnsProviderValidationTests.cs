using HomelabManager.Integrations;
using HomelabManager.Tests.Jobs;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations.Dns;

public sealed class DnsProviderValidationTests
{
    [Fact]
    public void Both_providers_are_found_in_the_dns_category()
    {
        Assert.Equal(["cloudflare", "route53"], IntegrationRegistry.Default.InCategory(HomelabManager.Configuration.IntegrationCategory.Dns).Select(p => p.Name));
    }

    [Theory]
    [InlineData("cloudflare", "    api_token: ${CF_TOKEN}\n", "A", "203.0.113.10", "203.0.113.10")]
    [InlineData("cloudflare", "    api_token: ${CF_TOKEN}\n    proxied: true\n", "CNAME", "home.example.net", "home.example.net")]
    [InlineData("route53", "    hosted_zone_id: Z1PA6795UKMFR9\n", "AAAA", "2001:db8::1", "2001:db8::1")]
    public void One_record_per_public_service_to_the_target(string provider, string config, string type, string target, string expected)
    {
        var plan = SuccessfulPlan(Yaml($"dns:\n  provider: {provider}\n  config:\n{config}    target: {target}\n"), [ServiceExamples.Nextcloud, ServiceExamples.Minimal], variables: ("CF_TOKEN", "cf-secret-token-value"));

        var record = Assert.Single(plan.DnsRecords);
        Assert.Equal(("nextcloud.home.example.com", type, expected), (record.Name, record.Type, record.Target));
        Assert.Equal(config.Contains("proxied", StringComparison.Ordinal), record.Proxied);
        Assert.DoesNotContain("cf-secret-token-value", string.Join("\n", plan.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_target_without_a_vpn_is_an_error_at_the_provider_line()
    {
        var plan = Plan(Yaml("dns:\n  provider: route53\n  config:\n    zone: example.com\n"), [ServiceExamples.Nextcloud]);

        var error = Assert.Single(plan.Diagnostics, d => d.IsError);
        Assert.Equal("HLM420", error.Code);
        Assert.Equal(4, error.Range.Start.Line);
    }

    [Fact]
    public void Bad_values_are_reported_at_their_line_and_secrets_are_never_echoed()
    {
        var plan = Plan(Yaml(
            "dns:\n  provider: cloudflare\n  config:\n    api_token: literal-secret-token-123\n    zone: other.org\n    target: \"http://x\"\n    api_url: ftp://x\n    proxied: maybe\n"),
            [ServiceExamples.Nextcloud]);

        var byLine = plan.Diagnostics.ToDictionary(d => d.Range.Start.Line, d => d.Code);
        Assert.Equal("HLM402", byLine[6]); // literal secret: a warning, value not shown
        Assert.Equal("HLM421", byLine[7]); // zone does not hold homelab.domain
        Assert.True(byLine.ContainsKey(8) && byLine.ContainsKey(9) && byLine.ContainsKey(10), string.Join("\n", plan.Diagnostics));
        Assert.DoesNotContain("literal-secret-token-123", string.Join("\n", plan.Diagnostics.Select(d => d.ToString())), StringComparison.Ordinal);
    }
}
