using System.Text.Json;
using HomelabManager.Configuration;
using HomelabManager.Integrations.Templates;
using HomelabManager.Tests.Configuration;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class TemplateRendererTests
{
    public static TheoryData<string> HostileValues =>
    [
        "a\"b",
        "line\nbreak: injected",
        "x; return 200 \"pwned\"",
        "} server { listen 1; }",
        "${HOME} $${x} %{ if true }",
        "{{ key \"vault/token\" }}",
        "back\\slash\\",
        "tab\tcr\r nul\u0001 ls\u2028",
    ];

    private static readonly TemplateRenderer Renderer = new();

    private static string Render(string template, string value) =>
        Renderer.RenderText(template, new Dictionary<string, object?> { ["v"] = value });

    [Fact]
    public void ConsulTemplateActionsPassThroughUntouched()
    {
        var text = Render("upstream x {\n\\{{ range service {{gostr v}} }}server \\{{ .Address }}:\\{{ .Port }};\\{{ end }}\n}", "nextcloud");
        Assert.Equal("upstream x {\n{{ range service \"nextcloud\" }}server {{ .Address }}:{{ .Port }};{{ end }}\n}", text);
        Assert.Equal("a {{ range service \"x\" }} b", Render("a \\{{ range service \"x\" }} b", string.Empty));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void YamlValueRoundTripsAsOneScalar(string value)
    {
        var text = Render("key: {{yaml v}}\nother: fixed\n", value);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        var root = TraefikProviderTests.ParseYaml(text);
        Assert.Equal(value, root["key"].ToString());
        Assert.Equal(2, root.Children.Count);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void JsonValueRoundTrips(string value)
    {
        var text = Render("{\"key\": {{json v}}, \"other\": 1}", value);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(value, document.RootElement.GetProperty("key").GetString());
        Assert.Equal(2, document.RootElement.EnumerateObject().Count());
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void HclValueIsOneStringWithoutInterpolation(string value)
    {
        var text = Render("{{hcl v}}", value);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.Matches("^\"([^\"\\\\]|\\\\.)*\"$", text);
        Assert.DoesNotMatch("(?<!\\$)\\$\\{", text);
        Assert.DoesNotMatch("(?<!%)%\\{", text);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void NginxValueIsOneQuotedTokenOrRefused(string value)
    {
        string text;
        try
        {
            text = Render("add_header X-Value {{nginx v}};", value);
        }
        catch (TemplateException)
        {
            Assert.True(value.IndexOfAny(['$', '{', '}']) >= 0 || value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'));
            return;
        }

        Assert.Matches("^add_header X-Value \"([^\"\\\\\\n]|\\\\.)*\";$", text);
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void CaddyValueIsOneTokenOrRefused(string value)
    {
        string text;
        try
        {
            text = Render("header X-Value {{caddy v}}", value);
        }
        catch (TemplateException)
        {
            Assert.True(value.IndexOfAny(['\\', '{', '}', '`']) >= 0 || value.Any(char.IsControl));
            return;
        }

        Assert.Matches("^header X-Value \"([^\"\\\\\\n{}]|\\\\\")*\"$", text);
    }

    [RequiresProgramFact("nginx")]
    public void RealNginxReadsAHostileValueAsOneToken()
    {
        using var directory = new TempDirectory();
        const string hostile = "x\"; return 200 \"pwned\"; #\nadd_header Y z; \\";
        var header = Render("{{nginx v}}", hostile);
        var config = $"pid {directory.Path}/n.pid;\nevents {{}}\nhttp {{\n  server {{\n    listen 127.0.0.1:{LiveProxy.FreePort()};\n    add_header X-Value {header};\n    return 204;\n  }}\n}}\n";
        var file = directory.Write("nginx.conf", config);
        var check = LiveProxy.Run("nginx", "-t", "-q", "-e", Path.Combine(directory.Path, "e.log"), "-p", directory.Path, "-c", file);
        Assert.True(check.ExitCode == 0, check.Output + "\n" + config);
    }

    [Fact]
    public void HomelabTemplateOverridesTheBuiltIn()
    {
        using var homelab = new TempDirectory();
        homelab.Write("templates/reverse_proxy/traefik/traefik.yml.hbs", "# mine\nemail: {{yaml acmeEmail}}\n\\{{ env \"X\" }}\n");
        var plan = SuccessfulPlan(Yaml(ReverseProxy("traefik")), NoAuthServices, homelab.Path);
        var config = Template(Job(plan, "traefik"), "local/traefik.yml").EmbeddedTmpl;
        Assert.Equal("# mine\nemail: \"admin@example.com\"\n{{ env \"X\" }}\n", config);
    }

    [Fact]
    public void BrokenOverrideIsADiagnosticNamingTheFile()
    {
        using var homelab = new TempDirectory();
        homelab.Write("templates/reverse_proxy/traefik/traefik.yml.hbs", "email: {{nginx}}\n");
        var plan = Plan(Yaml(ReverseProxy("traefik")), NoAuthServices, homelab.Path);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM403", diagnostic.Code);
        Assert.Contains("traefik.yml.hbs", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OverridePathFollowsTheSpecLayout() =>
        Assert.Equal(
            Path.Combine("/lab", "templates", "reverse_proxy", "nginx", "nginx.conf.hbs"),
            TemplateRenderer.OverridePath("/lab", IntegrationCategory.ReverseProxy, "nginx", "nginx.conf.hbs"));
}
