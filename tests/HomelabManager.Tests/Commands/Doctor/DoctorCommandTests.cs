using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Doctor;

public sealed class DoctorCommandTests
{
    [RequiresNomadSchemaFact]
    public async Task A_healthy_cluster_passes_every_check()
    {
        await using var lab = await OperationsLab.StartAsync();

        var result = await lab.RunAsync("doctor");
        var json = await lab.RunAsync("doctor", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Out + result.Error);
        Assert.DoesNotContain("✗", result.Out, StringComparison.Ordinal);
        foreach (var line in new[]
        {
            "✓ reachable", "✓ leader: leader at 127.0.0.1:4647", "✓ version ≥ 1.10: Nomad 2.0.5", "✓ token rights: the token can list jobs",
            "✓ docker driver: healthy on 1 of 1 ready client nodes (node-1)", "✓ host volumes: dynamic host volumes are available",
            "✓ version ≥ 1.18: Consul 1.21.5", "✓ unsealed", "✓ version ≥ 1.15: Vault 1.20.0", "✓ token: valid (policies: root; never expires)",
            "✓ KV v2 mount secret/: secret/ is KV v2", "All checks passed.",
        })
        {
            Assert.Contains(line, result.Out, StringComparison.Ordinal);
        }

        Assert.Equal(ExitCodes.Ok, json.ExitCode);
        Assert.Contains("\"check\": \"version ≥ 1.10\"", json.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.True(document.RootElement.GetProperty("healthy").GetBoolean());
        var checks = document.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(14, checks.Count);
        Assert.All(checks, c => Assert.Equal("pass", c.GetProperty("status").GetString()));
        Assert.Equal(["Nomad", "Consul", "Vault"], checks.Select(c => c.GetProperty("component").GetString()).Distinct());
    }

    [RequiresNomadSchemaFact]
    public async Task Nomad_down_fails_with_a_hint_and_skips_what_depends_on_it()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Environment["NOMAD_ADDR"] = OperationsLab.ClosedAddress();

        var result = await lab.RunAsync("doctor");
        var json = await lab.RunAsync("doctor", "--output", "json");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("✗ reachable: Nomad API: GET /v1/status/leader: connection failed", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: start Nomad, or point NOMAD_ADDR (or --nomad-addr) at it", result.Out, StringComparison.Ordinal);
        Assert.Contains("- docker driver: Nomad is not reachable", result.Out, StringComparison.Ordinal);
        Assert.Contains("✓ version ≥ 1.15: Vault 1.20.0", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 check failed.", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.False(document.RootElement.GetProperty("healthy").GetBoolean());
        var failed = Assert.Single(document.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("status").GetString() == "fail");
        Assert.Contains("NOMAD_ADDR", failed.GetProperty("hint").GetString(), StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_sealed_Vault_fails_with_the_unseal_hint()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Vault.Sealed = true;

        var result = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("✗ unsealed: Vault is sealed", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: unseal it: vault operator unseal", result.Out, StringComparison.Ordinal);
        Assert.Contains("- token: Vault is sealed or not initialised", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 check failed.", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Versions_older_than_required_fail_with_an_upgrade_hint()
    {
        await using var lab = await OperationsLab.StartAsync(new NomadDoubleOptions { Version = "1.9.7" });
        lab.Consul.Version = "1.17.3";
        lab.Vault.Version = "1.14.10+ent";

        var result = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("✗ version ≥ 1.10: Nomad 1.9.7 is older than 1.10", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: upgrade Nomad to 1.10 or later", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ version ≥ 1.18: Consul 1.17.3 is older than 1.18", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ version ≥ 1.15: Vault 1.14.10+ent is older than 1.15", result.Out, StringComparison.Ordinal);
        Assert.Contains("3 checks failed.", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task The_KV_mount_of_homelab_yaml_must_exist_with_its_version()
    {
        await using var lab = await OperationsLab.StartAsync(homelabYaml: "homelab:\n  domain: lab.example.com\n  vault:\n    kv_mount: kv\n");

        var missing = await lab.RunAsync("doctor");
        lab.Vault.AddKvMount("kv", 1);
        var wrongVersion = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("✗ KV v2 mount kv/: there is no KV mount at kv/ (named by homelab.yaml)", missing.Out, StringComparison.Ordinal);
        Assert.Contains("fix: enable it: vault secrets enable -path=kv kv-v2", missing.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, wrongVersion.ExitCode);
        Assert.Contains("✗ KV v2 mount kv/: kv/ is KV v1, but homelab.yaml says v2", wrongVersion.Out, StringComparison.Ordinal);
        Assert.Contains("fix: set homelab.vault.kv_version: 1 in homelab.yaml", wrongVersion.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Client_nodes_without_a_healthy_docker_driver_fail()
    {
        await using var lab = await OperationsLab.StartAsync(new NomadDoubleOptions
        {
            Nodes = [new NomadDoubleNode("node-1", DockerHealthy: false), new NomadDoubleNode("node-2", Status: "down")],
        });

        var result = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("✗ docker driver: node-1 (ready): Failed to connect to docker daemon; node-2 (down): Healthy", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: install and start Docker on a Nomad client", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Tokens_without_rights_fail_with_the_policy_to_grant()
    {
        await using var lab = await OperationsLab.StartAsync(new NomadDoubleOptions { Token = "3f2a0c55-0000-0000-0000-000000000001" });
        lab.Environment["NOMAD_TOKEN"] = "3f2a0c55-0000-0000-0000-0000000000ff";
        lab.Environment["VAULT_TOKEN"] = "hvs.unknown";

        var result = await lab.RunAsync("doctor");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("✓ reachable", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ token rights: the token may not list jobs: ACL token not found", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: set NOMAD_TOKEN to a token whose policy allows", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ token: the token is missing, invalid or expired", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix: log in (vault login) or set VAULT_TOKEN", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("3f2a0c55-0000-0000-0000-0000000000ff", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hvs.unknown", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_do_not_reach_the_cluster()
    {
        var result = await CliRunner.RunAsync("doctor", "--output", "yaml");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }
}
