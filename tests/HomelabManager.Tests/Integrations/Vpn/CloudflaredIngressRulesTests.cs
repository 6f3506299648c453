using HomelabManager.Integrations.Vpn.CloudflareTunnel;

namespace HomelabManager.Tests.Integrations.Vpn;

public sealed class CloudflaredIngressRulesTests
{
    private static IReadOnlyList<string> Problems(params (string? Hostname, string? Path, string Service)[] rules) => CloudflaredIngressRules.Problems(rules);

    [Fact]
    public void A_list_ending_in_the_catch_all_is_valid()
    {
        Assert.Empty(Problems(("app.example.com", null, "https://localhost:443"), ("*.lab.example.com", null, "http://localhost:80"), (null, null, "http_status:404")));
        Assert.Empty(Problems(("app.example.com", "^/assets/.*", "http://localhost:8081"), ("*", null, "hello_world")));
    }

    [Fact]
    public void The_last_rule_must_match_everything()
    {
        Assert.Equal(
            ["The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)"],
            Problems(("app.example.com", null, "http://localhost:80")));
        Assert.Equal(
            ["The last ingress rule must match all URLs (i.e. it should not have a hostname or path filter)"],
            Problems(("app.example.com", null, "http://localhost:80"), (null, "^/x", "http_status:404")));
        Assert.Equal(["The config file doesn't contain any ingress rules"], Problems());
    }

    [Fact]
    public void A_catch_all_before_the_end_shadows_the_rest()
    {
        Assert.Equal(
            ["Rule #1 is matching the hostname '*', but this will match every hostname, meaning the rules which follow it will never be triggered."],
            Problems(("*", null, "http_status:404"), ("app.example.com", null, "http://localhost:80"), (null, null, "http_status:404")));
    }

    [Fact]
    public void Host_names_have_no_port_and_a_wildcard_only_first()
    {
        Assert.Equal(["Hostname cannot contain a port"], Problems(("app.example.com:443", null, "http://localhost:80"), (null, null, "http_status:404")));
        Assert.Equal(
            ["Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\""],
            Problems(("app.*.example.com", null, "http://localhost:80"), (null, null, "http_status:404")));
        Assert.Equal(
            ["Hostname patterns can have at most one wildcard character (\"*\") and it can only be used for subdomains, e.g. \"*.example.com\""],
            Problems(("*.*.example.com", null, "http://localhost:80"), (null, null, "http_status:404")));
    }

    [Theory]
    [InlineData("http_status:404", null)]
    [InlineData("http_status:99", "invalid HTTP status code: 99")]
    [InlineData("http_status:abc", "invalid HTTP status code: abc")]
    [InlineData("unix:/run/app.sock", null)]
    [InlineData("ssh://localhost:22", null)]
    [InlineData("localhost:8080", "localhost:8080 is an invalid address, please make sure it has a scheme and a hostname")]
    [InlineData("http://localhost:8080/app", "http://localhost:8080/app is an invalid address, ingress rules don't support proxying to a different path on the origin service. The path will be the same as the eyeball request's path")]
    public void Services_follow_cloudflared(string service, string? problem)
    {
        Assert.Equal(problem, CloudflaredIngressRules.ServiceProblem(service));
    }
}
