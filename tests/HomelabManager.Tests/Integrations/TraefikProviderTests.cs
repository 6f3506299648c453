using HomelabManager.Jobs;
using HomelabManager.Tests.Jobs;
using YamlDotNet.RepresentationModel;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class TraefikProviderTests
{
    private static readonly string TraefikWithAuthelia = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection);

    [Fact]
    public void TraefikIsASystemJobWithHostPortsConsulCatalogAndAcme()
    {
        var plan = SuccessfulPlan(TraefikWithAuthelia);
        var job = Job(plan, "traefik");
        Assert.Equal("system", job.Type);
        var group = job.TaskGroups.Single();
        Assert.Null(group.ReschedulePolicy);
        Assert.Null(group.Update!.AutoRevert);
        var reserved = group.Networks!.Single().ReservedPorts!;
        Assert.Contains(reserved, p => p is { Label: "http", Value: 80, To: 80 });
        Assert.Contains(reserved, p => p is { Label: "https", Value: 443, To: 443 });
        Assert.Equal("host", group.Volumes!["traefik-acme"].Type);
        var task = group.Tasks.Single();
        Assert.Equal(["--configFile=/local/traefik.yml"], task.Config.Args);
        Assert.Contains(task.VolumeMounts!, m => m is { Volume: "traefik-acme", Destination: "/acme" });
        Assert.Equal("/ping", group.Services!.Single().Checks!.Single().Path);
        Assert.Equal("homelab-manager", job.Meta![JobMetaKeys.ManagedBy]);
        Assert.Equal(NomadJobBuilder.ComputeJobHash(job), job.Meta[JobMetaKeys.JobHash]);

        var config = Template(job, "local/traefik.yml").EmbeddedTmpl;
        Assert.Contains("exposedByDefault: false", config, StringComparison.Ordinal);
        Assert.Contains("address: \"{{ env \"NOMAD_IP_http\" }}:8500\"", config, StringComparison.Ordinal);
        Assert.Contains("email: \"admin@example.com\"", config, StringComparison.Ordinal);
        Assert.Contains("storage: /acme/acme.json", config, StringComparison.Ordinal);
        Assert.Contains("to: websecure", config, StringComparison.Ordinal);
        AssertSchemaValid(job);
    }

    [Fact]
    public void StaticConfigIsYamlOnceConsulTemplateHasRun()
    {
        var plan = SuccessfulPlan(Yaml(ReverseProxy("traefik", "    consul_address: 127.0.0.1:8500\n    acme_ca_server: https://acme-staging-v02.api.letsencrypt.org/directory\n")), NoAuthServices);
        var config = Template(Job(plan, "traefik"), "local/traefik.yml").EmbeddedTmpl;
        var root = ParseYaml(config);
        var consul = (YamlMappingNode)root["providers"]["consulCatalog"];
        Assert.Equal("false", consul["exposedByDefault"].ToString());
        Assert.Equal("127.0.0.1:8500", consul["endpoint"]["address"].ToString());
        var acme = root["certificatesResolvers"]["letsencrypt"]["acme"];
        Assert.Equal("https://acme-staging-v02.api.letsencrypt.org/directory", acme["caServer"].ToString());
        Assert.Equal("web", acme["httpChallenge"]["entryPoint"].ToString());
        Assert.Equal("https", root["entryPoints"]["web"]["http"]["redirections"]["entryPoint"]["scheme"].ToString());
    }

    [Fact]
    public void PublicServiceGetsExactlyTheContractTags()
    {
        var plan = SuccessfulPlan(TraefikWithAuthelia);
        var nextcloud = BuildServices(plan)[0];
        Assert.Equal(
            [
                "traefik.enable=true",
                "traefik.http.routers.nextcloud.rule=Host(`nextcloud.home.example.com`)",
                "traefik.http.routers.nextcloud.entrypoints=websecure",
                "traefik.http.routers.nextcloud.tls.certresolver=letsencrypt",
            ],
            Tags(nextcloud));
        AssertSchemaValid(nextcloud);
    }

    [Fact]
    public void AuthServiceGetsTheForwardAuthMiddleware()
    {
        var plan = SuccessfulPlan(TraefikWithAuthelia);
        var pihole = BuildServices(plan)[1];
        Assert.Equal(
            [
                "traefik.enable=true",
                "traefik.http.routers.pihole.rule=Host(`dns.home.example.com`)",
                "traefik.http.routers.pihole.entrypoints=websecure",
                "traefik.http.routers.pihole.tls.certresolver=letsencrypt",
                "traefik.http.routers.pihole.middlewares=authelia@consulcatalog",
            ],
            Tags(pihole));
        Assert.DoesNotContain(Tags(pihole), t => t.Contains("canary", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AutheliaDeclaresTheMiddlewareAndIsRoutedWithoutIt()
    {
        var plan = SuccessfulPlan(TraefikWithAuthelia);
        var authelia = Job(plan, "authelia");
        Assert.Equal(
            [
                "traefik.enable=true",
                "traefik.http.middlewares.authelia.forwardauth.address=http://${NOMAD_ADDR_http}/api/authz/forward-auth",
                "traefik.http.middlewares.authelia.forwardauth.trustForwardHeader=true",
                "traefik.http.middlewares.authelia.forwardauth.authResponseHeaders=Remote-User,Remote-Groups,Remote-Email,Remote-Name",
                "traefik.http.routers.authelia.rule=Host(`auth.home.example.com`)",
                "traefik.http.routers.authelia.entrypoints=websecure",
                "traefik.http.routers.authelia.tls.certresolver=letsencrypt",
            ],
            Tags(authelia));
    }

    [Fact]
    public void PrivateServiceGetsNoTags()
    {
        var plan = SuccessfulPlan(TraefikWithAuthelia);
        var minimal = BuildServices(plan)[2];
        Assert.Empty(Tags(minimal));
    }

    [Fact]
    public void AcmeEmailComesFromAVariable()
    {
        var yaml = Yaml("reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: ${ACME_EMAIL}\n    https_port: 8443\n");
        var plan = SuccessfulPlan(yaml, NoAuthServices, variables: ("ACME_EMAIL", "ops@example.org"));
        var job = Job(plan, "traefik");
        Assert.Contains("email: \"ops@example.org\"", Template(job, "local/traefik.yml").EmbeddedTmpl, StringComparison.Ordinal);
        Assert.Contains(job.TaskGroups.Single().Networks!.Single().ReservedPorts!, p => p is { Label: "https", Value: 8443, To: 443 });
    }

    [Fact]
    public void MissingVariableIsReportedAtThePlaceholder()
    {
        var yaml = Yaml("reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: ${ACME_EMAIL}\n");
        var plan = Plan(yaml, NoAuthServices);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM120", diagnostic.Code);
        Assert.Equal(6, diagnostic.Range.Start.Line);
        Assert.Equal(17, diagnostic.Range.Start.Column);
    }

    [Fact]
    public void HostileConsulAddressStaysOneYamlValue()
    {
        const string hostile = "x\"\n      evil: {{ key \"vault/token\" }} ${HOME}; }";
        var yaml = Yaml("reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: a@example.com\n    consul_address: ${ADDR}\n");
        var plan = Plan(yaml, NoAuthServices, variables: ("ADDR", hostile));

        // A newline is not a valid String option: refused with a diagnostic, never rendered.
        Assert.Contains(plan.Diagnostics, d => d.Code == "HLM113");

        var renderer = new HomelabManager.Integrations.Templates.TemplateRenderer();
        var text = renderer.RenderText("address: {{yaml v}}\n", new Dictionary<string, object?> { ["v"] = hostile });
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal(hostile, ParseYaml(text)["address"].ToString());
    }

    [Fact]
    public void WithoutAuthProviderAuthServicesAreAnError()
    {
        var plan = Plan(Yaml(ReverseProxy("traefik")));
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM404", diagnostic.Code);
        Assert.Contains("pihole", diagnostic.Summary, StringComparison.Ordinal);
    }

    internal static YamlMappingNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
