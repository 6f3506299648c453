using System.Text.Json;
using static HomelabManager.Tests.Integrations.IntegrationTestKit;

namespace HomelabManager.Tests.Integrations;

public sealed class KeycloakProviderTests
{
    private const string KeycloakSection = """
        auth:
          provider: keycloak
          config:
            admin_password: vault:secret/keycloak#admin_password
            client_secret: vault:secret/keycloak#client_secret
            cookie_secret: vault:secret/keycloak#cookie_secret
        """;

    private static readonly string TraefikWithKeycloak = Yaml(ReverseProxy("traefik") + "\n" + KeycloakSection);

    [Fact]
    public void JobsPassTheSchema()
    {
        var plan = SuccessfulPlan(TraefikWithKeycloak);
        foreach (var id in new[] { "keycloak", "keycloak-realm", "oauth2-proxy", "traefik" })
        {
            AssertSchemaValid(Job(plan, id));
        }

        Assert.Equal("batch", Job(plan, "keycloak-realm").Type);
        Assert.Null(Job(plan, "keycloak-realm").TaskGroups.Single().Update);
    }

    [Fact]
    public void RealmImportIsJsonWithTheOidcClientAndNoSecret()
    {
        var job = Job(SuccessfulPlan(TraefikWithKeycloak), "keycloak-realm");
        var realm = Template(job, "local/realm/homelab-realm.json").EmbeddedTmpl;
        using var document = JsonDocument.Parse(realm);
        var client = document.RootElement.GetProperty("clients")[0];
        Assert.Equal("homelab", document.RootElement.GetProperty("realm").GetString());
        Assert.Equal("oauth2-proxy", client.GetProperty("clientId").GetString());
        Assert.Equal("https://oauth.home.example.com/oauth2/callback", client.GetProperty("redirectUris")[0].GetString());
        Assert.Equal("$(env:OAUTH2_PROXY_CLIENT_SECRET)", client.GetProperty("secret").GetString());
        var vaultEnv = Template(job, "secrets/vault.env").EmbeddedTmpl;
        Assert.Contains("OAUTH2_PROXY_CLIENT_SECRET=", vaultEnv, StringComparison.Ordinal);
        Assert.Contains("{{ with service \"keycloak\" }}", Template(job, "local/keycloak.env").EmbeddedTmpl, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtectedServicesUseOauth2ProxyAsForwardAuth()
    {
        var plan = SuccessfulPlan(TraefikWithKeycloak);
        Assert.Contains("traefik.http.routers.pihole.middlewares=keycloak@consulcatalog", Tags(BuildServices(plan)[1]));
        var proxyTags = Tags(Job(plan, "oauth2-proxy"));
        Assert.Contains("traefik.http.middlewares.keycloak.forwardauth.address=http://${NOMAD_ADDR_http}/", proxyTags);
        Assert.Contains("traefik.http.routers.oauth2-proxy.rule=Host(`oauth.home.example.com`)", proxyTags);
        Assert.Contains("traefik.http.routers.keycloak.rule=Host(`sso.home.example.com`)", Tags(Job(plan, "keycloak")));
        var env = Job(plan, "oauth2-proxy").TaskGroups.Single().Tasks.Single().Env!;
        Assert.Equal("https://sso.home.example.com/realms/homelab", env["OAUTH2_PROXY_OIDC_ISSUER_URL"]);
        Assert.DoesNotContain("OAUTH2_PROXY_CLIENT_SECRET", env.Keys);
    }

    [Fact]
    public void NginxAsksOauth2ProxyAuthEndpoint()
    {
        var plan = SuccessfulPlan(Yaml("reverse_proxy:\n  provider: nginx\n\n" + KeycloakSection));
        var config = Template(Job(plan, "nginx"), "local/nginx.conf").EmbeddedTmpl;
        Assert.Contains("proxy_pass http://svc_oauth2_proxy/oauth2/auth;", config, StringComparison.Ordinal);
        Assert.Contains("return 302 https://oauth.home.example.com/oauth2/start?rd=$scheme://$http_host$request_uri;", config, StringComparison.Ordinal);
        Assert.Contains("auth_request_set $auth_x_auth_request_user $upstream_http_x_auth_request_user;", config, StringComparison.Ordinal);
    }
}
