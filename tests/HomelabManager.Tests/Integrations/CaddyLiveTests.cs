using System.Net;
using HomelabManager.Integrations.ReverseProxy.Caddy;
using HomelabManager.Integrations.Templates;
using HomelabManager.Tests.Configuration;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class CaddyLiveTests
{
    [Fact]
    public void ConsulTemplateActionsSurviveHandlebars()
    {
        var text = CaddyProvider.RenderConfig(new TemplateRenderer(), CaddyConfigSettings.InContainer("admin@example.com", null), NginxLiveTests.Sites, NginxLiveTests.Authelia);
        Assert.Contains("reverse_proxy{{ range service \"nextcloud\" }} {{ .Address }}:{{ .Port }}{{ end }}", text, StringComparison.Ordinal);
        Assert.Contains("forward_auth{{ range service \"authelia\" }} {{ .Address }}:{{ .Port }}{{ end }} {", text, StringComparison.Ordinal);
        Assert.Contains("\nnextcloud.home.example.com {\n", text, StringComparison.Ordinal);
        Assert.Contains("email admin@example.com", text, StringComparison.Ordinal);
    }

    [RequiresProgramFact("caddy")]
    public async Task RealCaddyRoutesEachHostAndProtectsAuthHosts()
    {
        using var nextcloud = new TestBackend("nextcloud");
        using var pihole = new TestBackend("pihole");
        using var auth = new TestBackend("authelia");
        using var directory = new TempDirectory();
        var port = LiveProxy.FreePort();
        var settings = new CaddyConfigSettings(false, null, null, port, LiveProxy.FreePort(), null, "127.0.0.1", Path.Combine(directory.Path, "data"));
        var config = CaddyProvider.RenderConfig(new TemplateRenderer(), settings, NginxLiveTests.Sites, NginxLiveTests.Authelia, new Dictionary<string, IReadOnlyList<string>>
        {
            ["nextcloud"] = [nextcloud.Address],
            ["pihole"] = [pihole.Address],
            ["authelia"] = [auth.Address],
        });
        var file = directory.Write("Caddyfile", config);

        var check = LiveProxy.Run("caddy", "validate", "--config", file, "--adapter", "caddyfile");
        Assert.True(check.ExitCode == 0, $"caddy validate failed:\n{check.Output}\n{config}");

        using var caddy = LiveProxy.Start("caddy", "run", "--config", file, "--adapter", "caddyfile");
        try
        {
            LiveProxy.WaitForPort(port, caddy, () => string.Empty);
            using var client = LiveProxy.Client();

            var open = await LiveProxy.GetAsync(client, port, "nextcloud.home.example.com");
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.StartsWith("backend=nextcloud host=nextcloud.home.example.com", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var anonymous = await LiveProxy.GetAsync(client, port, "dns.home.example.com", "/admin/");
            Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
            Assert.StartsWith("https://auth.home.example.com/", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

            var signedIn = await LiveProxy.GetAsync(client, port, "dns.home.example.com", "/admin/", authHeader: "ok");
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Equal("backend=pihole host=dns.home.example.com remote-user=alice path=/admin/", await signedIn.Content.ReadAsStringAsync());

            var unknown = await LiveProxy.GetAsync(client, port, "evil.example.org");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            caddy.Kill(entireProcessTree: true);
            await caddy.WaitForExitAsync();
        }
    }

    [RequiresProgramFact("caddy")]
    public void ProductionCaddyfileValidates()
    {
        using var directory = new TempDirectory();
        var settings = CaddyConfigSettings.InContainer("admin@example.com", "https://acme-staging-v02.api.letsencrypt.org/directory")
            with { StorageDirectory = Path.Combine(directory.Path, "data"), AdminAddress = null };
        var config = CaddyProvider.RenderConfig(new TemplateRenderer(), settings, NginxLiveTests.Sites, NginxLiveTests.Authelia, new Dictionary<string, IReadOnlyList<string>>
        {
            ["nextcloud"] = ["10.0.0.5:8080"],
            ["pihole"] = ["10.0.0.6:20001"],
            ["authelia"] = ["10.0.0.7:9091"],
        });
        var file = directory.Write("Caddyfile", config);
        var check = LiveProxy.Run("caddy", "adapt", "--config", file, "--adapter", "caddyfile");
        Assert.True(check.ExitCode == 0, $"caddy adapt failed:\n{check.Output}\n{config}");
    }

    [Fact]
    public void CaddyJobPassesTheSchema()
    {
        var plan = SuccessfulPlan(Yaml(ReverseProxy("caddy") + "\n" + AutheliaSection));
        var job = Job(plan, "caddy");
        AssertSchemaValid(job);
        Assert.Equal("noop", Template(job, "local/Caddyfile").ChangeMode);
        Assert.Contains("--watch", job.TaskGroups.Single().Tasks.Single().Config.Args!);
        Assert.Equal("host", job.TaskGroups.Single().Volumes!["caddy-data"].Type);
    }
}
