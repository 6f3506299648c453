using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Vault;

/// <summary>
/// An in-process Vault server (<c>contracts/vault-api.md</c>): KV v2 and KV v1 mounts, <c>sys/mounts</c>,
/// <c>sys/health</c>, token lookup-self and per-token path rules. Errors are <c>{"errors":[…]}</c>;
/// every logical answer carries the nine-key envelope.
/// </summary>
internal sealed partial class VaultDouble : ApiDouble
{
    /// <summary>The root token every double accepts.</summary>
    public const string RootToken = "hvs.root-token-for-tests";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, VaultDoubleToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VaultKvMountState> _mounts = new(StringComparer.Ordinal);

    private VaultDouble(TimeProvider? time)
        : base(time)
    {
        _tokens[RootToken] = new VaultDoubleToken(RootToken, ["root"], []);
        _mounts["secret"] = new VaultKvMountState("secret", 2);
    }

    /// <summary>True answers 503 <c>Vault is sealed</c> everywhere (and sealed health).</summary>
    public bool Sealed { get; set; }

    /// <summary>The version <c>sys/health</c> reports.</summary>
    public string Version { get; set; } = "1.20.0";

    /// <summary>Starts a double with a KV v2 mount at <c>secret/</c> and the root token <see cref="RootToken"/>.</summary>
    public static async Task<VaultDouble> StartAsync(TimeProvider? time = null)
    {
        var vault = new VaultDouble(time);
        await vault.StartServerAsync();
        return vault;
    }

    /// <summary>Adds a token.</summary>
    public void AddToken(VaultDoubleToken token)
    {
        lock (_lock)
        {
            _tokens[token.Token] = token;
        }
    }

    /// <summary>Adds a KV mount (version 1 or 2) at <paramref name="path"/>.</summary>
    public void AddKvMount(string path, int version)
    {
        lock (_lock)
        {
            _mounts[path.Trim('/')] = new VaultKvMountState(path.Trim('/'), version);
        }
    }

    /// <summary>Writes a secret directly (a new KV v2 version, or the KV v1 value).</summary>
    public void Seed(string mount, string path, IReadOnlyDictionary<string, string> values)
    {
        lock (_lock)
        {
            var data = new JsonObject();
            foreach (var (key, value) in values)
            {
                data[key] = value;
            }

            _mounts[mount].Write(path, data, Time.GetUtcNow());
        }
    }

    /// <summary>Soft-deletes the latest version of a KV v2 secret.</summary>
    public void SoftDelete(string mount, string path)
    {
        lock (_lock)
        {
            _mounts[mount].Secrets[path].Versions[^1].DeletionTime = Time.GetUtcNow();
        }
    }

    protected override void MapEndpoints(WebApplication app) => app.Map("/v1/{**path}", HandleAsync);

    private static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task ErrorAsync(HttpContext context, int status, params string[] errors) =>
        WriteJsonAsync(context, status, new JsonObject { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e)]) });

    private static JsonObject Envelope(JsonNode? data, string mountType, long leaseDuration = 0, JsonArray? warnings = null) => new()
    {
        ["request_id"] = Guid.NewGuid().ToString(),
        ["lease_id"] = string.Empty,
        ["renewable"] = false,
        ["lease_duration"] = leaseDuration,
        ["data"] = data,
        ["wrap_info"] = null,
        ["warnings"] = warnings,
        ["auth"] = null,
        ["mount_type"] = mountType,
    };

    private async Task HandleAsync(HttpContext context)
    {
        var path = ((string?)context.Request.RouteValues["path"] ?? string.Empty).TrimEnd('/');
        var method = context.Request.Method == "PUT" ? "POST" : context.Request.Method;
        var isList = method == "LIST" || (method == "GET" && context.Request.Query["list"].ToString() == "true");
        if (path == "sys/health")
        {
            await HealthAsync(context);
            return;
        }

        if (Sealed)
        {
            await ErrorAsync(context, 503, "Vault is sealed");
            return;
        }

        var sent = context.Request.Headers["X-Vault-Token"].ToString();
        if (sent.Length == 0 && context.Request.Headers.Authorization.ToString() is { Length: > 7 } bearer && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            sent = bearer[7..].Trim();
        }

        VaultDoubleToken? token;
        lock (_lock)
        {
            token = _tokens.GetValueOrDefault(sent);
        }

        if (token is null)
        {
            await ErrorAsync(context, 403, "2 errors occurred:\n\t* permission denied\n\t* invalid token\n\n");
            return;
        }

        if (path == "auth/token/lookup-self" && method == "GET")
        {
            await LookupSelfAsync(context, token);
            return;
        }

        if (path == "sys/mounts" && method == "GET")
        {
            if (!token.Allows("sys/mounts", "read"))
            {
                await ErrorAsync(context, 403, "1 error occurred:\n\t* permission denied\n\n");
                return;
            }

            await MountsAsync(context);
            return;
        }

        VaultKvMountState? mount;
        lock (_lock)
        {
            mount = _mounts.Values.Where(m => path == m.Path || path.StartsWith(m.Path + "/", StringComparison.Ordinal)).MaxBy(m => m.Path.Length);
        }

        if (mount is null)
        {
            await ErrorAsync(context, 404, $"no handler for route \"{path}\". route entry not found.");
            return;
        }

        await KvAsync(context, token, mount, path, method, isList);
    }
}
