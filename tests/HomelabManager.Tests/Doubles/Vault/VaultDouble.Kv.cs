using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Vault;

/// <summary>KV v2 (<c>data/</c>, <c>metadata/</c>) and KV v1 endpoints.</summary>
internal sealed partial class VaultDouble
{
    private static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject VersionMetadata(VaultSecretState secret, VaultSecretVersion version) => new()
    {
        ["created_time"] = Rfc3339(version.Created),
        ["custom_metadata"] = secret.CustomMetadata?.DeepClone(),
        ["deletion_time"] = version.DeletionTime is { } deleted ? Rfc3339(deleted) : string.Empty,
        ["destroyed"] = version.Destroyed,
        ["version"] = version.Number,
    };

    private static async Task<JsonObject?> ReadJsonBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            return JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task KvAsync(HttpContext context, VaultDoubleToken token, VaultKvMountState mount, string path, string method, bool isList)
    {
        var rest = path.Length > mount.Path.Length ? path[(mount.Path.Length + 1)..] : string.Empty;
        var capability = isList ? "list" : method switch
        {
            "GET" => "read",
            "DELETE" => "delete",
            _ => "write",
        };
        if (capability == "write")
        {
            var key = mount.Version == 2 && rest.StartsWith("data/", StringComparison.Ordinal) ? rest[5..] : rest;
            bool exists;
            lock (_lock)
            {
                exists = mount.Secrets.ContainsKey(key);
            }

            capability = exists ? "update" : "create";
        }

        if (!token.Allows(path, capability))
        {
            await ErrorAsync(context, 403, "1 error occurred:\n\t* permission denied\n\n");
            return;
        }

        if (mount.Version == 1)
        {
            await KvV1Async(context, mount, rest, method, isList);
            return;
        }

        if (rest.StartsWith("data/", StringComparison.Ordinal) && !isList)
        {
            await KvV2DataAsync(context, mount, rest[5..], method);
        }
        else if (rest.StartsWith("metadata/", StringComparison.Ordinal) || rest == "metadata")
        {
            await KvV2MetadataAsync(context, mount, rest.Length > 9 ? rest[9..] : string.Empty, method, isList);
        }
        else
        {
            await WriteJsonAsync(context, 404, Envelope(null, "kv", warnings: new JsonArray(
                "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.")));
        }
    }

    private async Task KvV2DataAsync(HttpContext context, VaultKvMountState mount, string key, string method)
    {
        if (method == "GET")
        {
            JsonObject? body = null;
            var status = 404;
            lock (_lock)
            {
                if (mount.Secrets.TryGetValue(key, out var secret))
                {
                    var wanted = int.TryParse(context.Request.Query["version"].ToString(), out var v) && v > 0 ? v : secret.CurrentVersion;
                    if (secret.Versions.FirstOrDefault(x => x.Number == wanted) is { } version)
                    {
                        var live = version.DeletionTime is null && !version.Destroyed;
                        status = live ? 200 : 404;
                        body = Envelope(new JsonObject { ["data"] = live ? version.Data.DeepClone() : null, ["metadata"] = VersionMetadata(secret, version) }, "kv");
                    }
                }
            }

            await (body is null ? ErrorAsync(context, 404) : WriteJsonAsync(context, status, body));
            return;
        }

        if (method == "DELETE")
        {
            lock (_lock)
            {
                if (mount.Secrets.TryGetValue(key, out var secret) && secret.Versions.Count > 0)
                {
                    secret.Versions[^1].DeletionTime = Time.GetUtcNow();
                }
            }

            context.Response.StatusCode = 204;
            return;
        }

        if (method != "POST")
        {
            await ErrorAsync(context, 405, "unsupported operation");
            return;
        }

        var request = await ReadJsonBodyAsync(context);
        if (request?["data"] is not JsonObject data)
        {
            await ErrorAsync(context, 400, "no data provided");
            return;
        }

        string? error = null;
        JsonObject? response = null;
        lock (_lock)
        {
            mount.Secrets.TryGetValue(key, out var existing);
            var cas = request["options"]?["cas"]?.GetValue<long>();
            if (existing?.CasRequired == true && cas is null)
            {
                error = "check-and-set parameter required for this call";
            }
            else if (cas is { } expected && expected != (existing?.CurrentVersion ?? 0))
            {
                error = "check-and-set parameter did not match the current version";
            }
            else
            {
                var version = mount.Write(key, (JsonObject)data.DeepClone(), Time.GetUtcNow());
                response = Envelope(VersionMetadata(mount.Secrets[key], version), "kv");
            }
        }

        await (error is not null ? ErrorAsync(context, 400, error) : WriteJsonAsync(context, 200, response!));
    }

    private async Task KvV2MetadataAsync(HttpContext context, VaultKvMountState mount, string key, string method, bool isList)
    {
        if (isList)
        {
            List<string> keys;
            lock (_lock)
            {
                keys = mount.List(key);
            }

            await (keys.Count == 0
                ? ErrorAsync(context, 404)
                : WriteJsonAsync(context, 200, Envelope(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) }, "kv")));
            return;
        }

        if (method == "DELETE")
        {
            lock (_lock)
            {
                mount.Secrets.Remove(key);
            }

            context.Response.StatusCode = 204;
            return;
        }

        if (method == "POST")
        {
            var request = await ReadJsonBodyAsync(context) ?? [];
            lock (_lock)
            {
                if (!mount.Secrets.TryGetValue(key, out var secret))
                {
                    secret = new VaultSecretState { Created = Time.GetUtcNow() };
                    mount.Secrets[key] = secret;
                }

                secret.MaxVersions = request["max_versions"]?.GetValue<int>() is { } max and > 0 ? max : secret.MaxVersions;
                secret.CasRequired = request["cas_required"]?.GetValue<bool>() ?? secret.CasRequired;
                secret.CustomMetadata = request["custom_metadata"]?.DeepClone() as JsonObject ?? secret.CustomMetadata;
            }

            context.Response.StatusCode = 204;
            return;
        }

        JsonObject? body = null;
        lock (_lock)
        {
            if (mount.Secrets.TryGetValue(key, out var secret))
            {
                var versions = new JsonObject();
                foreach (var version in secret.Versions)
                {
                    versions[version.Number.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                    {
                        ["created_time"] = Rfc3339(version.Created),
                        ["deletion_time"] = version.DeletionTime is { } deleted ? Rfc3339(deleted) : string.Empty,
                        ["destroyed"] = version.Destroyed,
                    };
                }

                body = Envelope(new JsonObject
                {
                    ["cas_required"] = secret.CasRequired,
                    ["created_time"] = Rfc3339(secret.Created),
                    ["current_version"] = secret.CurrentVersion,
                    ["delete_version_after"] = "0s",
                    ["max_versions"] = 0,
                    ["oldest_version"] = secret.Versions.FirstOrDefault()?.Number ?? 0,
                    ["updated_time"] = Rfc3339(secret.Updated),
                    ["custom_metadata"] = secret.CustomMetadata?.DeepClone(),
                    ["versions"] = versions,
                }, "kv");
            }
        }

        await (body is null ? ErrorAsync(context, 404) : WriteJsonAsync(context, 200, body));
    }

    private async Task KvV1Async(HttpContext context, VaultKvMountState mount, string key, string method, bool isList)
    {
        if (isList)
        {
            List<string> keys;
            lock (_lock)
            {
                keys = mount.List(key);
            }

            await (keys.Count == 0
                ? ErrorAsync(context, 404)
                : WriteJsonAsync(context, 200, Envelope(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) }, "kv")));
            return;
        }

        switch (method)
        {
            case "GET":
                JsonNode? data = null;
                lock (_lock)
                {
                    data = mount.Secrets.GetValueOrDefault(key)?.Versions.LastOrDefault()?.Data.DeepClone();
                }

                await (data is null ? ErrorAsync(context, 404) : WriteJsonAsync(context, 200, Envelope(data, "kv", leaseDuration: 2764800)));
                return;
            case "POST":
                var body = await ReadJsonBodyAsync(context);
                if (body is null || body.Count == 0)
                {
                    await ErrorAsync(context, 400, "missing data fields");
                    return;
                }

                lock (_lock)
                {
                    mount.Write(key, body, Time.GetUtcNow());
                }

                context.Response.StatusCode = 204;
                return;
            case "DELETE":
                lock (_lock)
                {
                    mount.Secrets.Remove(key);
                }

                context.Response.StatusCode = 204;
                return;
            default:
                await ErrorAsync(context, 405, "unsupported operation");
                return;
        }
    }
}
