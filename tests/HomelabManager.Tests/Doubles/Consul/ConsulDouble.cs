using System.Globalization;
using System.Text.Json.Nodes;
using HomelabManager.Tests.Doubles.Nomad;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Consul;

/// <summary>
/// An in-process Consul agent (<c>contracts/consul-api.md</c>): catalog and health of services that
/// tests register or that a <see cref="NomadDouble"/>'s running allocations provide. Plain-text errors;
/// with a token configured, an unknown token is 403 <c>ACL not found</c>, anonymous catalog reads are
/// filtered to nothing and <c>agent/self</c> is 403 <c>Permission denied</c>.
/// </summary>
internal sealed class ConsulDouble : ApiDouble
{
    private readonly Lock _lock = new();
    private readonly List<ConsulDoubleService> _services = [];
    private readonly string? _token;
    private NomadDouble? _nomad;
    private ulong _index = 1;

    private ConsulDouble(string? token, TimeProvider? time)
        : base(time)
    {
        _token = token;
    }

    /// <summary>Starts a double; with <paramref name="token"/> ACLs default to deny.</summary>
    public static async Task<ConsulDouble> StartAsync(string? token = null, TimeProvider? time = null)
    {
        var consul = new ConsulDouble(token, time);
        await consul.StartServerAsync();
        return consul;
    }

    /// <summary>The version <c>agent/self</c> reports.</summary>
    public string Version { get; set; } = "1.21.5";

    /// <summary>Registers a service instance.</summary>
    public void Register(ConsulDoubleService service)
    {
        lock (_lock)
        {
            _services.Add(service);
            _index++;
        }
    }

    /// <summary>Also serves the Consul registrations of <paramref name="nomad"/>'s running allocations.</summary>
    public void Attach(NomadDouble nomad) => _nomad = nomad;

    protected override void MapEndpoints(WebApplication app)
    {
        app.Map("/v1/catalog/services", Endpoint(CatalogServicesAsync));
        app.Map("/v1/catalog/service/{name}", Endpoint(CatalogServiceAsync));
        app.Map("/v1/health/service/{name}", Endpoint(HealthServiceAsync));
        app.Map("/v1/agent/self", Endpoint(AgentSelfAsync));
        app.Map("/v1/status/leader", Endpoint(context => WriteJsonAsync(context, JsonValue.Create("127.0.0.1:8300"))));
    }

    private RequestDelegate Endpoint(Func<HttpContext, Task> handler) => async context =>
    {
        context.Response.Headers["X-Consul-Default-Acl-Policy"] = _token is null ? "allow" : "deny";
        if (context.Request.Method != "GET")
        {
            await WriteTextAsync(context, 405, $"method {context.Request.Method} not allowed");
            return;
        }

        var sent = context.Request.Headers["X-Consul-Token"].ToString();
        if (sent.Length == 0 && context.Request.Headers.Authorization.ToString() is { Length: > 7 } bearer && bearer.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            sent = bearer[7..].Trim();
        }

        if (_token is not null && sent.Length > 0 && sent != _token)
        {
            await WriteTextAsync(context, 403, "ACL not found");
            return;
        }

        context.Items["authorized"] = _token is null || sent == _token;
        await handler(context);
    };

    private static bool Authorized(HttpContext context) => (bool)context.Items["authorized"]!;

    private List<ConsulDoubleService> Snapshot(HttpContext context)
    {
        if (!Authorized(context))
        {
            return [];
        }

        lock (_lock)
        {
            var all = new List<ConsulDoubleService>(_services);
            foreach (var registration in _nomad?.ServiceRegistrations() ?? [])
            {
                all.Add(new ConsulDoubleService(
                    registration.Name,
                    registration.Port,
                    registration.Tags,
                    registration.Healthy ? "passing" : "critical",
                    registration.ServiceId));
            }

            return all;
        }
    }

    private Task WriteJsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        ulong index;
        lock (_lock)
        {
            index = _index + (_nomad?.Index ?? 0);
        }

        context.Response.Headers["X-Consul-Index"] = index.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Consul-Knownleader"] = "true";
        context.Response.Headers["X-Consul-Lastcontact"] = "0";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private Task CatalogServicesAsync(HttpContext context)
    {
        var result = new JsonObject();
        foreach (var group in Snapshot(context).GroupBy(s => s.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result[group.Key] = new JsonArray([.. group.SelectMany(s => s.Tags).Distinct().Select(t => (JsonNode)t)]);
        }

        return WriteJsonAsync(context, result);
    }

    private Task CatalogServiceAsync(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["name"]!;
        var entries = Snapshot(context).Where(s => s.Name == name).Select(s => (JsonNode)new JsonObject
        {
            ["ID"] = "40e4a748-2192-161a-0510-9bf59fe950b5",
            ["Node"] = s.Node,
            ["Address"] = s.Address,
            ["Datacenter"] = "dc1",
            ["TaggedAddresses"] = new JsonObject { ["lan"] = s.Address, ["wan"] = s.Address },
            ["NodeMeta"] = new JsonObject { ["consul-network-segment"] = string.Empty },
            ["ServiceKind"] = string.Empty,
            ["ServiceID"] = s.Id,
            ["ServiceName"] = s.Name,
            ["ServiceTags"] = new JsonArray([.. s.Tags.Select(t => (JsonNode)t)]),
            ["ServiceAddress"] = s.Address,
            ["ServicePort"] = s.Port,
            ["ServiceMeta"] = new JsonObject { ["external-source"] = "nomad" },
            ["ServiceEnableTagOverride"] = false,
            ["CreateIndex"] = 51,
            ["ModifyIndex"] = 51,
        });
        return WriteJsonAsync(context, new JsonArray([.. entries]));
    }

    private async Task HealthServiceAsync(HttpContext context)
    {
        var passingOnly = false;
        if (context.Request.Query.TryGetValue("passing", out var passing))
        {
            var text = passing.ToString();
            if (text is "" or "true")
            {
                passingOnly = true;
            }
            else if (text != "false")
            {
                await WriteTextAsync(context, 400, "Invalid value for ?passing");
                return;
            }
        }

        var name = (string)context.Request.RouteValues["name"]!;
        var entries = Snapshot(context)
            .Where(s => s.Name == name && (!passingOnly || s.CheckStatus == "passing"))
            .Select(s => (JsonNode)new JsonObject
            {
                ["Node"] = new JsonObject
                {
                    ["ID"] = "40e4a748-2192-161a-0510-9bf59fe950b5", ["Node"] = s.Node, ["Address"] = s.Address, ["Datacenter"] = "dc1",
                    ["TaggedAddresses"] = new JsonObject { ["lan"] = s.Address, ["wan"] = s.Address }, ["Meta"] = new JsonObject(),
                    ["CreateIndex"] = 5, ["ModifyIndex"] = 7,
                },
                ["Service"] = new JsonObject
                {
                    ["ID"] = s.Id, ["Service"] = s.Name, ["Tags"] = new JsonArray([.. s.Tags.Select(t => (JsonNode)t)]), ["Address"] = s.Address,
                    ["Meta"] = new JsonObject { ["external-source"] = "nomad" }, ["Port"] = s.Port,
                    ["Weights"] = new JsonObject { ["Passing"] = 1, ["Warning"] = 1 }, ["EnableTagOverride"] = false,
                    ["CreateIndex"] = 51, ["ModifyIndex"] = 51,
                },
                ["Checks"] = new JsonArray(
                    Check(s, "serfHealth", "Serf Health Status", "passing", "Agent alive and reachable", service: false),
                    Check(s, "_nomad-check-" + s.Id.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture), $"service: \"{s.Name}\" check", s.CheckStatus, "HTTP GET: 200 OK", service: true)),
            });
        await WriteJsonAsync(context, new JsonArray([.. entries]));
    }

    private static JsonObject Check(ConsulDoubleService s, string id, string name, string status, string output, bool service) => new()
    {
        ["Node"] = s.Node, ["CheckID"] = id, ["Name"] = name, ["Status"] = status, ["Notes"] = string.Empty, ["Output"] = output,
        ["ServiceID"] = service ? s.Id : string.Empty, ["ServiceName"] = service ? s.Name : string.Empty,
        ["ServiceTags"] = service ? new JsonArray([.. s.Tags.Select(t => (JsonNode)t)]) : new JsonArray(),
        ["Type"] = service ? "http" : string.Empty, ["CreateIndex"] = 52, ["ModifyIndex"] = 60,
    };

    private async Task AgentSelfAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            await WriteTextAsync(context, 403, "Permission denied");
            return;
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["Config"] = new JsonObject
            {
                ["Datacenter"] = "dc1", ["NodeName"] = "node-1", ["NodeID"] = "40e4a748-2192-161a-0510-9bf59fe950b5", ["Server"] = true,
                ["Revision"] = "abc1234", ["Version"] = Version, ["PrimaryDatacenter"] = "dc1",
            },
            ["Member"] = new JsonObject { ["Name"] = "node-1", ["Addr"] = "127.0.0.1", ["Port"] = 8301, ["Status"] = 1 },
        });
    }
}

/// <summary>A service instance in the Consul double.</summary>
/// <param name="Name">Service name.</param>
/// <param name="Port">Port.</param>
/// <param name="Tags">Tags.</param>
/// <param name="CheckStatus"><c>passing</c>, <c>warning</c> or <c>critical</c>.</param>
/// <param name="Id">Service ID (default: the name).</param>
/// <param name="Node">Node name.</param>
/// <param name="Address">Node and service address.</param>
internal sealed record ConsulDoubleService(
    string Name, int Port, IReadOnlyList<string> Tags, string CheckStatus = "passing", string? ServiceId = null, string Node = "node-1", string Address = "127.0.0.1")
{
    public string Id => ServiceId ?? Name;
}
