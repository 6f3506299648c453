using System.Net;
using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Integrations.ReverseProxy.Nginx;
using HomelabManager.Integrations.Templates;
using HomelabManager.Tests.Configuration;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class NginxLiveTests
{
    internal static readonly IReadOnlyList<PublicSite> Sites =
    [
        new("authelia", "auth.home.example.com", false),
        new("pihole", "dns.home.example.com", true),
        new("nextcloud", "nextcloud.home.example.com", false),
    ];

    internal static readonly ForwardAuthMiddleware Authelia = new(
        "authelia", "authelia", "/api/authz/forward-auth", "/api/authz/auth-request", "https://auth.home.example.com/",
        ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"]);

    [Fact]
    public void ConsulTemplateActionsSurviveHandlebars()
    {
        var text = NginxProvider.RenderConfig(new TemplateRenderer(), NginxConfigSettings.InContainer(tls: false), Sites, Authelia);
        Assert.Contains("{{- range service \"nextcloud\" }}\n        server {{ .Address }}:{{ .Port }};\n{{- else }}", text, StringComparison.Ordinal);
        Assert.Contains("{{ range service \"authelia\" }}".Replace("{{ ", "{{- ", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("server_name \"dns.home.example.com\";", text, StringComparison.Ordinal);
        Assert.Contains("auth_request /.homelab-manager/authz;", text, StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://svc_authelia/api/authz/auth-request;", text, StringComparison.Ordinal);
    }

    [RequiresProgramFact("nginx")]
    public async Task RealNginxRoutesEachHostAndProtectsAuthHosts()
    {
        using var nextcloud = new TestBackend("nextcloud");
        using var pihole = new TestBackend("pihole");
        using var auth = new TestBackend("authelia");
        using var directory = new TempDirectory();
        var port = LiveProxy.FreePort();
        var settings = new NginxConfigSettings(
            $"127.0.0.1:{port}", $"127.0.0.1:{LiveProxy.FreePort()}", Tls: false,
            Path.Combine(directory.Path, "nginx.pid"), directory.Path,
            Path.Combine(directory.Path, "error.log"), Path.Combine(directory.Path, "access.log"));
        var config = NginxProvider.RenderConfig(new TemplateRenderer(), settings, Sites, Authelia, new Dictionary<string, IReadOnlyList<string>>
        {
            ["nextcloud"] = [nextcloud.Address],
            ["pihole"] = [pihole.Address],
            ["authelia"] = [auth.Address],
        });
        var file = directory.Write("nginx.conf", config);
        var errorLog = Path.Combine(directory.Path, "error.log");

        var check = LiveProxy.Run("nginx", "-t", "-q", "-e", errorLog, "-p", directory.Path, "-c", file);
        Assert.True(check.ExitCode == 0, $"nginx -t failed:\n{check.Output}\n{config}");

        using var nginx = LiveProxy.Start("nginx", "-e", errorLog, "-p", directory.Path, "-c", file, "-g", "daemon off;");
        try
        {
            LiveProxy.WaitForPort(port, nginx, () => File.Exists(errorLog) ? File.ReadAllText(errorLog) : string.Empty);
            using var client = LiveProxy.Client();

            var open = await LiveProxy.GetAsync(client, port, "nextcloud.home.example.com");
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.StartsWith("backend=nextcloud host=nextcloud.home.example.com", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var portal = await LiveProxy.GetAsync(client, port, "auth.home.example.com");
            Assert.StartsWith("backend=authelia", await portal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var anonymous = await LiveProxy.GetAsync(client, port, "dns.home.example.com", "/admin/");
            Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
            Assert.Equal("https://auth.home.example.com/?rd=http://dns.home.example.com/admin/", anonymous.Headers.Location!.ToString());

            var signedIn = await LiveProxy.GetAsync(client, port, "dns.home.example.com", "/admin/", authHeader: "ok");
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Equal("backend=pihole host=dns.home.example.com remote-user=alice path=/admin/", await signedIn.Content.ReadAsStringAsync());

            var unknown = await LiveProxy.GetAsync(client, port, "evil.example.org");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        finally
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
    }

    [RequiresProgramFact("nginx")]
    public void ProductionConfigWithTlsPassesNginxCheck()
    {
        using var directory = new TempDirectory();
        var config = NginxProvider.RenderConfig(new TemplateRenderer(), NginxConfigSettings.InContainer(tls: true), Sites, Authelia,
            new Dictionary<string, IReadOnlyList<string>> { ["nextcloud"] = ["10.0.0.5:8080"], ["pihole"] = ["10.0.0.6:20001"], ["authelia"] = ["10.0.0.7:9091"] });
        // The container paths (/secrets/tls.*, /tmp) are rewritten into the temp directory, with a throwaway certificate.
        var certificate = SelfSignedCertificate.Write(directory);
        config = config.Replace("/secrets/tls.crt", certificate.CertificatePath, StringComparison.Ordinal)
            .Replace("/secrets/tls.key", certificate.KeyPath, StringComparison.Ordinal)
            .Replace("\"/tmp", "\"" + directory.Path, StringComparison.Ordinal)
            .Replace("listen \"80\"", $"listen \"127.0.0.1:{LiveProxy.FreePort()}\"", StringComparison.Ordinal)
            .Replace("listen \"443\"", $"listen \"127.0.0.1:{LiveProxy.FreePort()}\"", StringComparison.Ordinal);
        var file = directory.Write("nginx.conf", config);
        var check = LiveProxy.Run("nginx", "-t", "-q", "-e", Path.Combine(directory.Path, "error.log"), "-p", directory.Path, "-c", file);
        Assert.True(check.ExitCode == 0, $"nginx -t failed:\n{check.Output}\n{config}");
    }

    [Fact]
    public void NginxJobPassesTheSchemaAndReloadsOnChange()
    {
        var plan = SuccessfulPlan(Yaml("reverse_proxy:\n  provider: nginx\n  config:\n    tls_certificate: vault:secret/tls#fullchain\n    tls_certificate_key: vault:secret/tls#key\n\n" + AutheliaSection));
        var job = Job(plan, "nginx");
        AssertSchemaValid(job);
        var task = job.TaskGroups.Single().Tasks.Single();
        Assert.NotNull(task.Vault);
        var config = Template(job, "local/nginx.conf");
        Assert.Equal("signal", config.ChangeMode);
        Assert.Equal("SIGHUP", config.ChangeSignal);
        Assert.Contains("server_name \"auth.home.example.com\";", config.EmbeddedTmpl, StringComparison.Ordinal);
        var key = Template(job, "secrets/tls.key");
        Assert.Equal("{{ with secret \"secret/data/tls\" }}{{ index .Data.data \"key\" }}{{ end }}", key.EmbeddedTmpl);
        Assert.Equal("0600", key.Perms);
        Assert.Empty(Tags(BuildServices(plan)[0]));
    }

    [Fact]
    public void HalfATlsPairIsReported()
    {
        var plan = Plan(Yaml("reverse_proxy:\n  provider: nginx\n  config:\n    tls_certificate: vault:secret/tls#fullchain\n"), NoAuthServices);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM113", diagnostic.Code);
        Assert.Equal(6, diagnostic.Range.Start.Line);
    }
}
