using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Doubles.Cloudflare;
using HomelabManager.Tests.Doubles.Route53;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Doctor;

/// <summary><c>doctor</c> also checks the providers homelab.yaml chooses: their Vault secrets and their own APIs.</summary>
public sealed class ProviderDoctorTests
{
    private const string Proxy = "reverse_proxy:\n  provider: traefik\n  config:\n    acme_email: admin@lab.example.com\n";

    private static string CloudflareYaml(CloudflareDouble cloudflare) =>
        $"homelab:\n  domain: lab.example.com\n{Proxy}dns:\n  provider: cloudflare\n  config:\n    api_token: ${{CF_TOKEN}}\n    target: 203.0.113.10\n    api_url: {cloudflare.ApiUrl}\n";

    private static string Route53Yaml(Route53Double route53, string zoneId) =>
        $"homelab:\n  domain: lab.example.com\n{Proxy}dns:\n  provider: route53\n  config:\n    hosted_zone_id: {zoneId}\n    access_key_id: {Route53Double.AccessKeyId}\n"
        + $"    secret_access_key: vault:secret/aws#secret_access_key\n    target: 203.0.113.10\n    endpoint: {route53.BaseAddress}\n";

    [RequiresNomadSchemaFact]
    public async Task A_verified_Cloudflare_token_that_sees_the_zone_passes_in_the_same_table_and_JSON()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone("lab.example.com");
        await using var lab = await OperationsLab.StartAsync(homelabYaml: CloudflareYaml(cloudflare));
        lab.Environment["CF_TOKEN"] = CloudflareDouble.Token;

        var result = await lab.RunAsync("doctor");
        var json = await lab.RunAsync("doctor", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Out + result.Error);
        Assert.Contains("dns cloudflare", result.Out, StringComparison.Ordinal);
        Assert.Contains("✓ API token: active", result.Out, StringComparison.Ordinal);
        Assert.Contains("✓ zone lab.example.com: lab.example.com is active", result.Out, StringComparison.Ordinal);
        Assert.Contains("All checks passed.", result.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var checks = document.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(16, checks.Count);
        Assert.Equal(["Nomad", "Consul", "Vault", "dns cloudflare"], checks.Select(c => c.GetProperty("component").GetString()).Distinct());
        Assert.Equal(2, cloudflare.Requests.Count("GET", "/client/v4/user/tokens/verify"));
        Assert.DoesNotContain(CloudflareDouble.Token, result.Out + result.Error + json.Out + json.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_rejected_or_expired_token_fails_with_the_servers_message_and_exit_1()
    {
        await using var cloudflare = await CloudflareDouble.StartAsync();
        cloudflare.AddZone("lab.example.com");
        await using var lab = await OperationsLab.StartAsync(homelabYaml: CloudflareYaml(cloudflare));
        const string WrongToken = "wrong-token-0123456789abcdef";
        lab.Environment["CF_TOKEN"] = WrongToken;

        var rejected = await lab.RunAsync("doctor");
        lab.Environment["CF_TOKEN"] = CloudflareDouble.Token;
        cloudflare.TokenStatus = "disabled";
        var disabled = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, rejected.ExitCode);
        Assert.Contains("✗ API token: Cloudflare API: GET /user/tokens/verify: HTTP 403: Authentication error (code 10000)", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("fix: create an API token with Zone.DNS edit permission", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("- zone lab.example.com: the API token is not usable", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("1 check failed.", rejected.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, rejected.Out + rejected.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, disabled.ExitCode);
        Assert.Contains("✗ API token: the token is disabled", disabled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(CloudflareDouble.Token, disabled.Out + disabled.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Route53_with_its_key_in_Vault_checks_the_secret_the_zone_and_a_signed_list()
    {
        await using var route53 = await Route53Double.StartAsync();
        var zone = route53.AddZone("lab.example.com");
        await using var lab = await OperationsLab.StartAsync(homelabYaml: Route53Yaml(route53, zone));

        var missing = await lab.RunAsync("doctor");
        lab.Vault.Seed("secret", "aws", new Dictionary<string, string> { ["secret_access_key"] = "not-the-right-secret-key" });
        var wrong = await lab.RunAsync("doctor");
        lab.Vault.Seed("secret", "aws", new Dictionary<string, string> { ["secret_access_key"] = Route53Double.SecretAccessKey });
        var healthy = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("✗ secret secret_access_key: vault:secret/aws#secret_access_key: no secret at path \"secret/aws\"", missing.Out, StringComparison.Ordinal);
        Assert.Contains("fix: write it with 'homelab-manager secrets set secret/aws secret_access_key'", missing.Out, StringComparison.Ordinal);
        Assert.Contains("- API: a secret it needs cannot be read", missing.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, wrong.ExitCode);
        Assert.Contains($"✗ hosted zone lab.example.com: Route 53 API: GET /2013-04-01/hostedzone/{zone}: HTTP 403: SignatureDoesNotMatch", wrong.Out, StringComparison.Ordinal);
        Assert.True(healthy.ExitCode == ExitCodes.Ok, healthy.Out + healthy.Error);
        Assert.Contains("route53", healthy.Out, StringComparison.Ordinal);
        Assert.Contains("✓ secret secret_access_key: vault:secret/aws#secret_access_key exists", healthy.Out, StringComparison.Ordinal);
        Assert.Contains($"✓ hosted zone lab.example.com: {zone} (requests signed and accepted)", healthy.Out, StringComparison.Ordinal);
        Assert.Contains("✓ records readable: ListResourceRecordSets answers", healthy.Out, StringComparison.Ordinal);
        foreach (var run in new[] { missing, wrong, healthy })
        {
            Assert.DoesNotContain(Route53Double.SecretAccessKey, run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-right-secret-key", run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [RequiresNomadSchemaFact]
    public async Task An_auth_providers_Vault_secrets_must_exist_and_only_their_references_are_shown()
    {
        const string Yaml = "homelab:\n  domain: lab.example.com\n" + Proxy
            + "auth:\n  provider: authelia\n  config:\n    jwt_secret: vault:secret/authelia#jwt_secret\n"
            + "    session_secret: vault:secret/authelia#session_secret\n    storage_encryption_key: vault:secret/authelia#storage_encryption_key\n";
        await using var lab = await OperationsLab.StartAsync(homelabYaml: Yaml);
        lab.Vault.Seed("secret", "authelia", new Dictionary<string, string> { ["jwt_secret"] = "jwt-canary-value", ["session_secret"] = "session-canary-value" });

        var result = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("auth authelia", result.Out, StringComparison.Ordinal);
        Assert.Contains("✓ secret jwt_secret: vault:secret/authelia#jwt_secret exists", result.Out, StringComparison.Ordinal);
        Assert.Contains("✓ secret session_secret: vault:secret/authelia#session_secret exists", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ secret storage_encryption_key: vault:secret/authelia#storage_encryption_key: the secret at path \"secret/authelia\" has no key \"storage_encryption_key\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 check failed.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-value", result.Out + result.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_tunnel_checks_its_token_secret_API_token_and_configuration()
    {
        const string Account = "0123456789abcdef0123456789abcdef";
        await using var cloudflare = await CloudflareDouble.StartAsync();
        var tunnel = cloudflare.AddTunnel(Account);
        var yaml = "homelab:\n  domain: lab.example.com\n" + Proxy
            + $"vpn:\n  provider: cloudflare_tunnel\n  config:\n    account_id: {Account}\n    tunnel_id: {tunnel}\n"
            + $"    token: vault:secret/cloudflare#tunnel_token\n    api_token: vault:secret/cloudflare#api_token\n    api_url: {cloudflare.ApiUrl}\n";
        await using var lab = await OperationsLab.StartAsync(homelabYaml: yaml);
        lab.Vault.Seed("secret", "cloudflare", new Dictionary<string, string> { ["tunnel_token"] = "tunnel-canary-value", ["api_token"] = CloudflareDouble.Token });

        var healthy = await lab.RunAsync("doctor");
        cloudflare.TokenStatus = "expired";
        var expired = await lab.RunAsync("doctor");

        Assert.True(healthy.ExitCode == ExitCodes.Ok, healthy.Out + healthy.Error);
        Assert.Contains("vpn cloudflare_tunnel", healthy.Out, StringComparison.Ordinal);
        Assert.Contains("✓ secret token: vault:secret/cloudflare#tunnel_token exists", healthy.Out, StringComparison.Ordinal);
        Assert.Contains("✓ API token: active", healthy.Out, StringComparison.Ordinal);
        Assert.Contains($"✓ tunnel {tunnel}: configuration version", healthy.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, expired.ExitCode);
        Assert.Contains("✗ API token: the token is expired", expired.Out, StringComparison.Ordinal);
        Assert.Contains($"- tunnel {tunnel}: the API token is not usable", expired.Out, StringComparison.Ordinal);
        foreach (var run in new[] { healthy, expired })
        {
            Assert.DoesNotContain("tunnel-canary-value", run.Out + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(CloudflareDouble.Token, run.Out + run.Error, StringComparison.Ordinal);
        }
    }
}
