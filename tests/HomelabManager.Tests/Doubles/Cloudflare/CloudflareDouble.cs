using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Cloudflare;

/// <summary>
/// An in-process Cloudflare v4 DNS API (<c>contracts/dns-vpn-auth.md</c> §1): bearer-token auth (9106 / 10000), token
/// verification, zone lookup by name, paginated record list echoing <c>page</c>/<c>per_page</c> with an empty page past
/// the end, create (81057 / 81058), PATCH and DELETE (81044), and tunnel configurations (<c>CloudflareDouble.Tunnels.cs</c>).
/// Strict: unknown routes 404, unknown body fields 400, no deprecated fields.
/// </summary>
internal sealed partial class CloudflareDouble : ApiDouble
{
    /// <summary>The only token accepted.</summary>
    public const string Token = "cf-test-token-0123456789abcdef";

    private static readonly HashSet<string> RecordFields = ["type", "name", "content", "ttl", "proxied", "comment", "tags"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _zones = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _records = [];

    private CloudflareDouble()
        : base(null)
    {
    }

    /// <summary>Starts a double with no zones.</summary>
    public static async Task<CloudflareDouble> StartAsync()
    {
        var cloudflare = new CloudflareDouble();
        await cloudflare.StartServerAsync();
        return cloudflare;
    }

    /// <summary>What <c>GET /user/tokens/verify</c> reports for <see cref="Token"/>: <c>active</c>, <c>disabled</c> or <c>expired</c>.</summary>
    public string TokenStatus { get; set; } = "active";

    /// <summary>The base address including <c>/client/v4</c>.</summary>
    public Uri ApiUrl => new(BaseAddress, "/client/v4");

    /// <summary>Adds a zone; returns its id.</summary>
    public string AddZone(string name)
    {
        lock (_lock)
        {
            return _zones[name] = NewId();
        }
    }

    /// <summary>Adds a record directly (e.g. one the user made by hand); returns its id.</summary>
    public string AddRecord(string zoneId, string type, string name, string content, bool proxied = false, string? comment = null)
    {
        lock (_lock)
        {
            var record = Record(NewId(), type, name, content, proxied, 1, comment);
            _records.Add(Stamp(record, zoneId));
            return record["id"]!.GetValue<string>();
        }
    }

    /// <summary>A snapshot of the zone's records (without the double's own bookkeeping).</summary>
    public IReadOnlyList<JsonObject> Records(string zoneId)
    {
        lock (_lock)
        {
            return [.. _records.Where(r => (string?)r["__zone"] == zoneId).Select(Public)];
        }
    }

    protected override void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/client/v4");
        api.MapGet("/user/tokens/verify", (Func<HttpContext, Task<IResult>>)(c => Authorized(c, () => VerifyToken(c))));
        api.MapGet("/zones", (Func<HttpContext, Task<IResult>>)(c => Authorized(c, () => ListZones(c))));
        api.MapGet("/zones/{zone}/dns_records", (HttpContext c, string zone) => Authorized(c, () => ListRecords(c, zone)));
        api.MapPost("/zones/{zone}/dns_records", (HttpContext c, string zone) => Authorized(c, () => CreateAsync(c, zone)));
        api.MapMethods("/zones/{zone}/dns_records/{id}", ["PATCH"], (HttpContext c, string zone, string id) => Authorized(c, () => PatchAsync(c, zone, id)));
        api.MapDelete("/zones/{zone}/dns_records/{id}", (HttpContext c, string zone, string id) => Authorized(c, () => Delete(zone, id)));
        MapTunnelEndpoints(api);
        app.MapFallback((Func<HttpContext, IResult>)(c => Error(404, 7003, "Could not route to " + c.Request.Path + ", perhaps your object identifier is invalid?")));
    }

    private static IResult Success(JsonNode? result, JsonObject? info = null)
    {
        var body = new JsonObject { ["result"] = result, ["success"] = true, ["errors"] = new JsonArray(), ["messages"] = new JsonArray() };
        if (info is not null)
        {
            body["result_info"] = info;
        }

        return Results.Text(body.ToJsonString(), "application/json", statusCode: 200);
    }

    private static IResult Error(int status, int code, string message) =>
        Results.Text(
            new JsonObject
            {
                ["success"] = false,
                ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
                ["messages"] = new JsonArray(),
                ["result"] = null,
            }.ToJsonString(),
            "application/json",
            statusCode: status);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static JsonObject Record(string id, string type, string name, string content, bool proxied, int ttl, string? comment) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["name"] = name.ToLowerInvariant().TrimEnd('.'),
        ["content"] = content,
        ["proxiable"] = type is "A" or "AAAA" or "CNAME",
        ["proxied"] = proxied,
        ["ttl"] = proxied ? 1 : ttl,
        ["settings"] = new JsonObject(),
        ["meta"] = new JsonObject(),
        ["comment"] = comment,
        ["tags"] = new JsonArray(),
        ["created_on"] = "2024-01-01T00:00:00.000000Z",
        ["modified_on"] = "2024-01-01T00:00:00.000000Z",
    };

    private static JsonObject Stamp(JsonObject record, string zoneId)
    {
        record["__zone"] = zoneId;
        return record;
    }

    private static JsonObject Public(JsonObject record)
    {
        var copy = (JsonObject)record.DeepClone();
        copy.Remove("__zone");
        return copy;
    }

    private static Task<IResult> Authorized(HttpContext context, Func<IResult> handler) => Authorized(context, () => Task.FromResult(handler()));

    private static async Task<IResult> Authorized(HttpContext context, Func<Task<IResult>> handler)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return Error(400, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        }

        return authorization == "Bearer " + Token ? await handler() : Error(403, 10000, "Authentication error");
    }

    private IResult VerifyToken(HttpContext context) =>
        context.Request.Query.Count > 0
            ? Error(400, 1004, "Unexpected query parameter " + context.Request.Query.Keys.First())
            : Success(new JsonObject { ["id"] = "ed17574386854bf78a67040be0a770b0", ["status"] = TokenStatus });

    private IResult ListZones(HttpContext context)
    {
        var name = context.Request.Query["name"].ToString();
        lock (_lock)
        {
            var zones = new JsonArray([.. _zones
                .Where(z => name.Length == 0 || string.Equals(z.Key, name, StringComparison.OrdinalIgnoreCase))
                .Select(z => new JsonObject { ["id"] = z.Value, ["name"] = z.Key, ["status"] = "active" })]);
            return Success(zones, new JsonObject { ["page"] = 1, ["per_page"] = 20, ["count"] = zones.Count, ["total_count"] = zones.Count, ["total_pages"] = 1 });
        }
    }

    private IResult ListRecords(HttpContext context, string zone)
    {
        if (!KnownZone(zone))
        {
            return Error(403, 10000, "Authentication error");
        }

        var query = context.Request.Query;
        var unknown = query.Keys.Except(["page", "per_page", "name", "type"]).ToList();
        if (unknown.Count > 0)
        {
            return Error(400, 1004, "Unexpected query parameter " + unknown[0]);
        }

        var page = query.ContainsKey("page") ? int.Parse(query["page"]!, CultureInfo.InvariantCulture) : 1;
        var perPage = query.ContainsKey("per_page") ? int.Parse(query["per_page"]!, CultureInfo.InvariantCulture) : 100;
        lock (_lock)
        {
            var all = _records.Where(r => (string?)r["__zone"] == zone)
                .Where(r => !query.ContainsKey("name") || (string?)r["name"] == query["name"].ToString())
                .Where(r => !query.ContainsKey("type") || (string?)r["type"] == query["type"].ToString())
                .OrderBy(r => (string?)r["name"], StringComparer.Ordinal).ThenBy(r => (string?)r["type"], StringComparer.Ordinal).ToList();
            var slice = all.Skip((page - 1) * perPage).Take(perPage).Select(Public).ToList();
            return Success(new JsonArray([.. slice]), new JsonObject
            {
                ["page"] = page,
                ["per_page"] = perPage,
                ["count"] = slice.Count,
                ["total_count"] = all.Count,
                ["total_pages"] = (int)Math.Ceiling(all.Count / (double)perPage),
            });
        }
    }

    private async Task<IResult> CreateAsync(HttpContext context, string zone)
    {
        if (!KnownZone(zone))
        {
            return Error(403, 10000, "Authentication error");
        }

        if (await ReadBodyAsync(context) is not { } body)
        {
            return Error(400, 9207, "Request body is invalid.");
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => !RecordFields.Contains(k)) is { } field)
        {
            return Error(400, 9207, $"Unknown field {field}");
        }

        var type = (string?)body["type"];
        var name = ((string?)body["name"])?.ToLowerInvariant().TrimEnd('.');
        var content = (string?)body["content"];
        if (type is null || name is null || content is null || body["ttl"] is null)
        {
            return Error(400, 9005, "type, name, content and ttl are required");
        }

        lock (_lock)
        {
            var same = _records.Where(r => (string?)r["__zone"] == zone && (string?)r["name"] == name).ToList();
            if (same.Any(r => (string?)r["type"] == type && (string?)r["content"] == content))
            {
                return Error(400, 81058, "An identical record already exists.");
            }

            if (same.Any(r => (string?)r["type"] == type || (string?)r["type"] == "CNAME" || type == "CNAME"))
            {
                return Error(400, 81057, "Record already exists.");
            }

            var record = Record(NewId(), type, name, content, (bool?)body["proxied"] ?? false, (int?)body["ttl"] ?? 1, (string?)body["comment"]);
            _records.Add(Stamp(record, zone));
            return Success(Public(record));
        }
    }

    private async Task<IResult> PatchAsync(HttpContext context, string zone, string id)
    {
        if (await ReadBodyAsync(context) is not { } body || body.Any(p => !RecordFields.Contains(p.Key)))
        {
            return Error(400, 9207, "Request body is invalid.");
        }

        lock (_lock)
        {
            var record = _records.FirstOrDefault(r => (string?)r["__zone"] == zone && (string?)r["id"] == id);
            if (record is null)
            {
                return Error(404, 81044, "Record does not exist.");
            }

            foreach (var (key, value) in body)
            {
                record[key] = value?.DeepClone();
            }

            return Success(Public(record));
        }
    }

    private IResult Delete(string zone, string id)
    {
        lock (_lock)
        {
            var removed = _records.RemoveAll(r => (string?)r["__zone"] == zone && (string?)r["id"] == id);
            return removed == 0 ? Error(404, 81044, "Record does not exist.") : Success(new JsonObject { ["id"] = id });
        }
    }

    private bool KnownZone(string zone)
    {
        lock (_lock)
        {
            return _zones.ContainsValue(zone);
        }
    }

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
