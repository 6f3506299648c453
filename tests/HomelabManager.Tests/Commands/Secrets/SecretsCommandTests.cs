using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Doubles.Vault;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Secrets;

public sealed class SecretsCommandTests
{
    private const string Canary = "canary-7f3e9c1d-must-not-leak";

    [RequiresNomadSchemaFact]
    public async Task A_value_set_from_stdin_travels_only_in_the_one_write_body_and_prints_only_with_reveal()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Vault.Seed("secret", "files", new Dictionary<string, string> { ["admin_user"] = "admin" });

        var results = new List<CliResult>
        {
            await lab.RunAsync(new LabRun { Stdin = Canary + "\n" }, "secrets", "set", "secret/files", "admin_password", "-v"),
            await lab.RunAsync("secrets", "get", "secret/files", "admin_password", "-v"),
            await lab.RunAsync("secrets", "get", "secret/files", "admin_password", "-o", "json"),
            await lab.RunAsync("secrets", "list", "secret/files", "-v"),
            await lab.RunAsync("secrets", "list", "secret/files", "-o", "json"),
            await lab.RunAsync("secrets", "list", "-v"),
            await lab.RunAsync("secrets", "get", "secret/files", "nope"),
        };
        var revealed = await lab.RunAsync("secrets", "get", "secret/files", "admin_password", "--reveal");

        Assert.True(results[0].ExitCode == ExitCodes.Ok, results[0].Error);
        Assert.Contains("✓ set admin_password in secret/files (version 2)", results[0].Out, StringComparison.Ordinal);
        Assert.Contains("GET /v1/sys/mounts", results[0].Error, StringComparison.Ordinal); // -v traced the requests…
        Assert.Contains("admin_password exists in secret/files (version 2); add --reveal", results[1].Out, StringComparison.Ordinal);
        Assert.Contains("\"version\": 2", results[2].Out, StringComparison.Ordinal);
        Assert.Contains("\"value\": null", results[2].Out, StringComparison.Ordinal);
        Assert.Contains("admin_password", results[3].Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, results[6].ExitCode);
        Assert.Contains("has no key 'nope' (keys: admin_password, admin_user)", results[6].Error, StringComparison.Ordinal);
        Assert.True(revealed.ExitCode == ExitCodes.Ok, revealed.Error);
        Assert.Equal(Canary + "\n", revealed.Out);
        foreach (var result in results)
        {
            Assert.DoesNotContain(Canary, result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, result.Error, StringComparison.Ordinal); // …but never the value
        }

        var carrying = lab.Vault.Requests.All
            .Where(r => r.ToString().Contains(Canary, StringComparison.Ordinal) || r.Body.Contains(Canary, StringComparison.Ordinal) || r.Headers.Values.Any(v => v.Contains(Canary, StringComparison.Ordinal)))
            .ToList();
        var write = Assert.Single(carrying);
        Assert.Equal(("POST", "/v1/secret/data/files"), (write.Method, write.Path));
        using var body = JsonDocument.Parse(write.Body);
        Assert.Equal(1, body.RootElement.GetProperty("options").GetProperty("cas").GetInt32());
        Assert.Equal("admin", body.RootElement.GetProperty("data").GetProperty("admin_user").GetString()); // merged, not replaced
        Assert.Equal(Canary, body.RootElement.GetProperty("data").GetProperty("admin_password").GetString());
        Assert.DoesNotContain(lab.Nomad.Requests.All, r => r.Body.Contains(Canary, StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task KV_v1_mounts_round_trip_without_versions()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Vault.AddKvMount("kv", 1);

        var first = await lab.RunAsync(new LabRun { Stdin = "v1-token" }, "secrets", "set", "kv/apps/grafana", "token");
        var second = await lab.RunAsync(new LabRun { Stdin = "v1-other\r\n" }, "secrets", "set", "kv/apps/grafana", "other");
        var get = await lab.RunAsync("secrets", "get", "kv/apps/grafana", "token", "--reveal", "-o", "json");
        var keys = await lab.RunAsync("secrets", "list", "kv/apps/grafana");
        var folder = await lab.RunAsync("secrets", "list", "kv/apps");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.Error);
        Assert.Contains("✓ set token in kv/apps/grafana\n", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == ExitCodes.Ok, second.Error);
        using var document = JsonDocument.Parse(get.Out);
        Assert.Equal("v1-token", document.RootElement.GetProperty("value").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("kvVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("version").ValueKind);
        Assert.Contains("  other\n  token\n", keys.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("v1-", keys.Out, StringComparison.Ordinal);
        Assert.Contains("kv/apps/\n  grafana\n", folder.Out, StringComparison.Ordinal);
        var writes = lab.Vault.Requests.All.Where(r => r.Method is "POST" or "PUT").ToList();
        Assert.Equal(["/v1/kv/apps/grafana", "/v1/kv/apps/grafana"], writes.Select(w => w.Path));
        Assert.Contains("\"token\":\"v1-token\"", writes[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"other\":\"v1-other\"", writes[1].Body, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task List_without_a_path_checks_every_reference_of_the_homelab()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Vault.Seed("secret", "files", new Dictionary<string, string> { ["admin_user"] = "admin-value" });

        var missing = await lab.RunAsync("secrets", "list");
        var json = await lab.RunAsync("secrets", "list", "-o", "json");
        lab.Vault.Seed("secret", "db", new Dictionary<string, string> { ["password"] = "pw" });
        lab.Vault.Seed("secret", "files", new Dictionary<string, string> { ["admin_user"] = "admin-value", ["admin_password"] = "pw2" });
        var complete = await lab.RunAsync("secrets", "list");

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("vault:secret/db#password", missing.Out, StringComparison.Ordinal);
        Assert.Contains("service db (POSTGRES_PASSWORD)", missing.Out, StringComparison.Ordinal);
        Assert.Contains("missing secret", missing.Out, StringComparison.Ordinal);
        Assert.Contains("missing key", missing.Out, StringComparison.Ordinal);
        Assert.Contains("2 of 3 missing", missing.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-value", missing.Out + json.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var statuses = document.RootElement.GetProperty("references").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reference").GetString()!, r => (r.GetProperty("status").GetString(), r.GetProperty("exists").GetBoolean()));
        Assert.Equal(("missing secret", false), statuses["vault:secret/db#password"]);
        Assert.Equal(("ok", true), statuses["vault:secret/files#admin_user"]);
        Assert.Equal(("missing key", false), statuses["vault:secret/files#admin_password"]);
        Assert.True(complete.ExitCode == ExitCodes.Ok, complete.Out + complete.Error);
        Assert.Equal(3, lab.Vault.Requests.All.Count(r => r.Path == "/v1/secret/data/files")); // three runs: one read per secret, not per key
    }

    [RequiresNomadSchemaFact]
    public async Task Nothing_is_written_without_a_value_and_paths_need_a_mount()
    {
        await using var lab = await OperationsLab.StartAsync();

        var empty = await lab.RunAsync(new LabRun { Stdin = "\n" }, "secrets", "set", "secret/db", "password");
        var noMount = await lab.RunAsync(new LabRun { Stdin = "x" }, "secrets", "set", "db", "password");
        var unknownMount = await lab.RunAsync(new LabRun { Stdin = "x" }, "secrets", "set", "nosuch/db", "password");
        var missing = await lab.RunAsync("secrets", "get", "secret/db", "password");

        Assert.Equal(ExitCodes.Failure, empty.ExitCode);
        Assert.Contains("no value on standard input", empty.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, noMount.ExitCode);
        Assert.Contains("needs the KV mount first, e.g. 'secret/db'", noMount.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, unknownMount.ExitCode);
        Assert.Contains("no KV secrets engine at 'nosuch/'", unknownMount.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("secret/db does not exist", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(lab.Vault.Requests.All, r => r.Method is "POST" or "PUT");
    }

    [RequiresNomadSchemaFact]
    public async Task A_token_that_cannot_read_sys_mounts_falls_back_to_homelab_yaml_and_says_so()
    {
        await using var lab = await OperationsLab.StartAsync(homelabYaml: "homelab:\n  domain: lab.example.com\n  vault:\n    kv_mount: kv\n    kv_version: 1\n");
        lab.Vault.AddKvMount("kv", 1);
        lab.Vault.Seed("kv", "db", new Dictionary<string, string> { ["password"] = "pw" });
        lab.Vault.AddToken(new VaultDoubleToken("hvs.limited", ["homelab"], [new VaultDoubleRule("kv/*", "read", "list")]));
        lab.Environment["VAULT_TOKEN"] = "hvs.limited";

        var result = await lab.RunAsync("secrets", "get", "kv/db", "password");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("warning: the Vault token may not read sys/mounts; assuming 'kv/' is KV v1 (homelab.vault.kv_version)", result.Error, StringComparison.Ordinal);
        Assert.Contains("password exists in kv/db", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_sealed_Vault_is_a_clear_error_without_a_stack_trace()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Vault.Sealed = true;

        var result = await lab.RunAsync(new LabRun { Stdin = Canary }, "secrets", "set", "secret/db", "password");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("HTTP 503", result.Error, StringComparison.Ordinal);
        Assert.Contains("Vault is sealed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, result.Error, StringComparison.Ordinal);
    }
}
