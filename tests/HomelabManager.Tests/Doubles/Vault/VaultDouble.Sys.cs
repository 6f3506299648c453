using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Vault;

/// <summary><c>sys/health</c>, <c>sys/mounts</c> and <c>auth/token/lookup-self</c>.</summary>
internal sealed partial class VaultDouble
{
    private async Task HealthAsync(HttpContext context)
    {
        var body = new JsonObject
        {
            ["initialized"] = true,
            ["sealed"] = Sealed,
            ["standby"] = false,
            ["performance_standby"] = false,
            ["replication_performance_mode"] = "disabled",
            ["replication_dr_mode"] = "disabled",
            ["server_time_utc"] = Time.GetUtcNow().ToUnixTimeSeconds(),
            ["version"] = Version,
        };
        if (!Sealed)
        {
            body["cluster_name"] = "vault-cluster-3bd69ca2";
            body["cluster_id"] = "00af5aa8-0000-0000-0000-000000000000";
        }

        context.Response.StatusCode = Sealed ? 503 : 200;
        context.Response.ContentType = "application/json";
        if (context.Request.Method != "HEAD")
        {
            await context.Response.WriteAsync(body.ToJsonString() + "\n");
        }
    }

    private Task MountsAsync(HttpContext context)
    {
        var data = new JsonObject();
        lock (_lock)
        {
            foreach (var mount in _mounts.Values.OrderBy(m => m.Path, StringComparer.Ordinal))
            {
                data[mount.Path + "/"] = Mount("kv", "key/value secret storage", mount.Version == 2 ? new JsonObject { ["version"] = "2" } : null);
            }
        }

        data["sys/"] = Mount("system", "system endpoints used for control, policy and debugging", null);
        data["cubbyhole/"] = Mount("cubbyhole", "per-token private secret storage", null);
        data["identity/"] = Mount("identity", "identity store", null);
        var envelope = Envelope(data, "system");

        // Vault copies the mounts to the top level too (HTTPSysInjector).
        foreach (var (key, value) in data)
        {
            envelope[key] = value!.DeepClone();
        }

        return WriteJsonAsync(context, 200, envelope);
    }

    private static JsonObject Mount(string type, string description, JsonObject? options) => new()
    {
        ["accessor"] = $"{type}_aedd93c1",
        ["config"] = new JsonObject { ["default_lease_ttl"] = 0, ["force_no_cache"] = false, ["max_lease_ttl"] = 0 },
        ["description"] = description,
        ["external_entropy_access"] = false,
        ["local"] = false,
        ["options"] = options,
        ["plugin_version"] = string.Empty,
        ["running_plugin_version"] = "v0.20.0+builtin",
        ["running_sha256"] = string.Empty,
        ["seal_wrap"] = false,
        ["type"] = type,
        ["uuid"] = Guid.NewGuid().ToString(),
    };

    private Task LookupSelfAsync(HttpContext context, VaultDoubleToken token)
    {
        var now = Time.GetUtcNow();
        var data = new JsonObject
        {
            ["accessor"] = "8609694a-0000-0000-0000-000000000000",
            ["creation_time"] = now.ToUnixTimeSeconds(),
            ["creation_ttl"] = token.IsRoot ? 0 : 2764800,
            ["display_name"] = "token",
            ["entity_id"] = string.Empty,
            ["expire_time"] = token.IsRoot ? null : Rfc3339(now.AddSeconds(2764800)),
            ["explicit_max_ttl"] = 0,
            ["id"] = token.Token,
            ["identity_policies"] = null,
            ["issue_time"] = Rfc3339(now),
            ["meta"] = null,
            ["num_uses"] = 0,
            ["orphan"] = token.IsRoot,
            ["path"] = token.IsRoot ? "auth/token/root" : "auth/token/create",
            ["policies"] = new JsonArray([.. token.Policies.Select(p => (JsonNode)p)]),
            ["renewable"] = !token.IsRoot,
            ["ttl"] = token.IsRoot ? 0 : 2764790,
            ["type"] = "service",
        };
        return WriteJsonAsync(context, 200, Envelope(data, "token"));
    }
}
