using HomelabManager.Tests.NomadSchema;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class AutheliaProviderTests
{
    private static readonly string TraefikWithAuthelia = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection);

    [RequiresNomadSchemaFact]
    public void AutheliaJobPassesTheSchema() => AssertSchemaValid(Job(SuccessfulPlan(TraefikWithAuthelia), "authelia"));

    [Fact]
    public void SecretsComeFromVaultAndNeverAppearInTheJob()
    {
        var job = Job(SuccessfulPlan(TraefikWithAuthelia), "authelia");
        var task = job.TaskGroups.Single().Tasks.Single();
        Assert.NotNull(task.Vault);
        Assert.Equal("/local/configuration.yml", task.Env!["X_AUTHELIA_CONFIG"]);
        Assert.DoesNotContain(task.Env.Keys, k => k.Contains("SECRET", StringComparison.Ordinal));
        var vaultEnv = Template(job, "secrets/vault.env");
        Assert.True(vaultEnv.Envvars);
        Assert.Contains("with secret \"secret/data/authelia\"", vaultEnv.EmbeddedTmpl, StringComparison.Ordinal);
        foreach (var name in new[] { "AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET", "AUTHELIA_SESSION_SECRET", "AUTHELIA_STORAGE_ENCRYPTION_KEY" })
        {
            Assert.Contains(name + "=", vaultEnv.EmbeddedTmpl, StringComparison.Ordinal);
        }

        var config = Template(job, "local/configuration.yml").EmbeddedTmpl;
        Assert.DoesNotContain("vault:", config, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", config.Split('\n').Where(l => !l.StartsWith('#')).Aggregate(string.Empty, (a, b) => a + b), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ConfigurationProtectsAuthServicesAndNamesThePortal()
    {
        var job = Job(SuccessfulPlan(TraefikWithAuthelia), "authelia");
        var root = TraefikProviderTests.ParseYaml(Template(job, "local/configuration.yml").EmbeddedTmpl);
        Assert.Equal("tcp://:9091", root["server"]["address"].ToString());
        Assert.Equal("deny", root["access_control"]["default_policy"].ToString());
        var rule = root["access_control"]["rules"][0];
        Assert.Equal("dns.home.example.com", rule["domain"].ToString());
        Assert.Equal("one_factor", rule["policy"].ToString());
        var cookie = root["session"]["cookies"][0];
        Assert.Equal("home.example.com", cookie["domain"].ToString());
        Assert.Equal("https://auth.home.example.com", cookie["authelia_url"].ToString());
        Assert.Equal("/config/users_database.yml", root["authentication_backend"]["file"]["path"].ToString());
        Assert.Equal("/api/health", job.TaskGroups.Single().Services!.Single().Checks!.Single().Path);
    }

    [Fact]
    public void WithoutProtectedServicesTheDefaultPolicyIsThePolicy()
    {
        var job = Job(SuccessfulPlan(TraefikWithAuthelia, NoAuthServices), "authelia");
        var root = TraefikProviderTests.ParseYaml(Template(job, "local/configuration.yml").EmbeddedTmpl);
        Assert.Equal("one_factor", root["access_control"]["default_policy"].ToString());
    }

    [Fact]
    public void LiteralSecretIsRefusedAtItsLine()
    {
        var yaml = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection.Replace(
            "session_secret: vault:secret/authelia#session_secret", "session_secret: hunter2-hunter2-hunter2", StringComparison.Ordinal));
        var plan = Plan(yaml);
        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("HLM401", diagnostic.Code);
        Assert.Equal(13, diagnostic.Range.Start.Line);
        Assert.Equal(21, diagnostic.Range.Start.Column);
        Assert.DoesNotContain("hunter2", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyGetsADidYouMean()
    {
        var yaml = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection.Replace("subdomain: auth", "subdomian: auth", StringComparison.Ordinal));
        var diagnostic = Assert.Single(Plan(yaml).Diagnostics);
        Assert.Equal("HLM110", diagnostic.Code);
        Assert.Equal(11, diagnostic.Range.Start.Line);
        Assert.Contains("subdomain", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKindIsReported()
    {
        var yaml = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection.Replace("subdomain: auth", "default_policy: three_factor", StringComparison.Ordinal));
        var diagnostic = Assert.Single(Plan(yaml).Diagnostics);
        Assert.Equal("HLM113", diagnostic.Code);
        Assert.Equal(11, diagnostic.Range.Start.Line);
        Assert.Contains("one_factor", diagnostic.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredSecretIsReported()
    {
        var yaml = Yaml(ReverseProxy("traefik") + "\n" + AutheliaSection.Replace("    jwt_secret: vault:secret/authelia#jwt_secret\n", string.Empty, StringComparison.Ordinal));
        var diagnostic = Assert.Single(Plan(yaml).Diagnostics);
        Assert.Equal("HLM111", diagnostic.Code);
        Assert.Contains("jwt_secret", diagnostic.Summary, StringComparison.Ordinal);
    }
}
