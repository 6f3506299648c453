using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Vault;

namespace HomelabManager.Tests.Clients;

/// <summary>The Vault client against the Vault double: KV v2 and v1, mounts, token, health, ACL.</summary>
public sealed class VaultClientTests
{
    private static readonly Dictionary<string, string> Admin = new() { ["admin_user"] = "admin", ["admin_password"] = "s3cr3t" };

    [Fact]
    public async Task Kv_v2_write_read_versions_metadata_and_list()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var client = TestClients.Vault(vault);
        var mount = VaultKvMount.DefaultV2;

        var first = await client.WriteSecretAsync(mount, "nextcloud", Admin, cas: 0);
        var second = await client.WriteSecretAsync(mount, "nextcloud", new Dictionary<string, string> { ["admin_user"] = "root" }, cas: 1);
        await client.WriteSecretAsync(mount, "apps/pihole", new Dictionary<string, string> { ["web-password"] = "x" });
        var latest = await client.ReadSecretAsync(mount, "nextcloud");
        var old = await client.ReadSecretAsync(mount, "nextcloud", version: 1);
        var metadata = await client.ReadSecretMetadataAsync(mount, "nextcloud");
        var root = await client.ListSecretsAsync(mount, string.Empty);

        Assert.Equal((1, 2), (first!.Version, second!.Version));
        Assert.Equal("root", latest!.Values!["admin_user"]);
        Assert.Null(latest.Values["admin_password"]);
        Assert.Equal(2, latest.Metadata!.Version);
        Assert.Equal("s3cr3t", old!.Values!["admin_password"]);
        Assert.Equal(2, metadata!.CurrentVersion);
        Assert.Equal(["1", "2"], metadata.Versions!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["apps/", "nextcloud"], root);
        Assert.Equal(["pihole"], await client.ListSecretsAsync(mount, "apps"));
        Assert.Contains(vault.Requests.All, r => r.Path == "/v1/secret/data/nextcloud" && r.Header("X-Vault-Request") == "true");
    }

    [Fact]
    public async Task Missing_deleted_and_unlisted_secrets_are_told_apart()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var client = TestClients.Vault(vault);
        vault.Seed("secret", "gone", Admin);
        vault.SoftDelete("secret", "gone");

        var deleted = await client.ReadSecretAsync(VaultKvMount.DefaultV2, "gone");

        Assert.Null(await client.ReadSecretAsync(VaultKvMount.DefaultV2, "never"));
        Assert.Null(await client.ReadSecretMetadataAsync(VaultKvMount.DefaultV2, "never"));
        Assert.Empty(await client.ListSecretsAsync(VaultKvMount.DefaultV2, "nothing-here"));
        Assert.True(deleted!.IsDeleted);
        Assert.NotEqual(string.Empty, deleted.Metadata!.DeletionTime);
        var noMount = await Assert.ThrowsAsync<ApiException>(() => client.ReadSecretAsync(new VaultKvMount("nomount", 2), "x"));
        Assert.Equal(404, noMount.StatusCode);
        Assert.Contains("no handler for route", noMount.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cas_mismatch_is_a_user_error_and_not_retried()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var client = TestClients.Vault(vault);
        await client.WriteSecretAsync(VaultKvMount.DefaultV2, "app", Admin);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.WriteSecretAsync(VaultKvMount.DefaultV2, "app", Admin, cas: 0));

        Assert.Equal((400, true, 1), (error.StatusCode, error.IsUserError, error.Attempts));
        Assert.Equal("check-and-set parameter did not match the current version", error.ServerMessage);
        Assert.Equal(2, vault.Requests.Count("POST", "/v1/secret/data/app"));
    }

    [Fact]
    public async Task Kv_v1_mount_is_detected_from_sys_mounts_and_used_without_data_paths()
    {
        await using var vault = await VaultDouble.StartAsync();
        vault.AddKvMount("legacy", 1);
        using var client = TestClients.Vault(vault);

        var mount = await client.ResolveKvMountAsync("legacy/");
        var v2 = await client.ResolveKvMountAsync("secret");
        await client.WriteSecretAsync(mount!, "db/main", Admin);
        var read = await client.ReadSecretAsync(mount!, "db/main");

        Assert.Equal(new VaultKvMount("legacy", 1), mount);
        Assert.Equal(VaultKvMount.DefaultV2, v2);
        Assert.Null(await client.ResolveKvMountAsync("sys"));
        Assert.Equal("s3cr3t", read!.Values!["admin_password"]);
        Assert.Null(read.Metadata);
        Assert.Equal(["main"], await client.ListSecretsAsync(mount!, "db"));
        Assert.Contains(vault.Requests.All, r => r.Method == "POST" && r.Path == "/v1/legacy/db/main");
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReadSecretMetadataAsync(mount!, "db/main"));
    }

    [Fact]
    public async Task Mounts_token_lookup_and_health()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var client = TestClients.Vault(vault);

        var mounts = await client.ListMountsAsync();
        var self = await client.LookupSelfAsync();
        var health = await client.ReadHealthAsync();
        vault.Sealed = true;
        var sealedHealth = await client.ReadHealthAsync();
        var sealedRead = await Assert.ThrowsAsync<ApiException>(() => client.ListMountsAsync());

        Assert.Equal(2, mounts["secret/"].KvVersion);
        Assert.Null(mounts["sys/"].KvVersion);
        Assert.Equal(["root"], self.Policies);
        Assert.Null(self.ExpireTime);
        Assert.Equal((200, false, "1.20.0"), (health.StatusCode, health.Sealed, health.Version));
        Assert.Equal((503, true), (sealedHealth.StatusCode, sealedHealth.Sealed));
        Assert.Equal((503, "Vault is sealed", 4), (sealedRead.StatusCode, sealedRead.ServerMessage, sealedRead.Attempts));
    }

    [Fact]
    public async Task Token_rules_allow_and_deny_by_path()
    {
        await using var vault = await VaultDouble.StartAsync();
        vault.Seed("secret", "nextcloud", Admin);
        vault.Seed("secret", "other", Admin);
        vault.AddToken(new VaultDoubleToken("hvs.reader", ["homelab"], [new VaultDoubleRule("secret/data/nextcloud", "read"), new VaultDoubleRule("secret/metadata/*", "list")]));
        using var reader = TestClients.Vault(vault, token: "hvs.reader");
        using var invalid = TestClients.Vault(vault, token: "hvs.unknown");

        var allowed = await reader.ReadSecretAsync(VaultKvMount.DefaultV2, "nextcloud");
        var denied = await Assert.ThrowsAsync<ApiException>(() => reader.ReadSecretAsync(VaultKvMount.DefaultV2, "other"));
        var cannotWrite = await Assert.ThrowsAsync<ApiException>(() => reader.WriteSecretAsync(VaultKvMount.DefaultV2, "nextcloud", Admin, cas: 1));
        var badToken = await Assert.ThrowsAsync<ApiException>(() => invalid.LookupSelfAsync());

        Assert.Equal("admin", allowed!.Values!["admin_user"]);
        Assert.Equal(["nextcloud", "other"], await reader.ListSecretsAsync(VaultKvMount.DefaultV2, string.Empty));
        Assert.Equal(403, denied.StatusCode);
        Assert.Contains("permission denied", denied.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(403, cannotWrite.StatusCode);
        Assert.Contains("invalid token", badToken.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(["homelab"], (await reader.LookupSelfAsync()).Policies);
    }

    [Fact]
    public async Task Transient_errors_are_retried_for_reads_and_cas_writes_only()
    {
        await using var vault = await VaultDouble.StartAsync();
        using var client = TestClients.Vault(vault);
        vault.Faults.Inject("/v1/secret/data/app", Fault.Status(503), count: 1, method: "GET")
            .Inject("/v1/secret/data/app", Fault.Status(502), count: 2, method: "POST");

        var plainWrite = await Assert.ThrowsAsync<ApiException>(() => client.WriteSecretAsync(VaultKvMount.DefaultV2, "app", Admin));
        var casWrite = await client.WriteSecretAsync(VaultKvMount.DefaultV2, "app", Admin, cas: 0);
        var read = await client.ReadSecretAsync(VaultKvMount.DefaultV2, "app");

        Assert.Equal((502, 1), (plainWrite.StatusCode, plainWrite.Attempts));
        Assert.Equal(1, casWrite!.Version);
        Assert.Equal("admin", read!.Values!["admin_user"]);
        Assert.Equal(3, vault.Requests.Count("POST", "/v1/secret/data/app"));
        Assert.Equal(2, vault.Requests.Count("GET", "/v1/secret/data/app"));
    }
}
