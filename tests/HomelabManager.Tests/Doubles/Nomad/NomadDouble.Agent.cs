using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary><c>/v1/agent/self</c> (only the promised keys) and <c>/v1/status/leader</c> (no ACL, like the real agent).</summary>
internal sealed partial class NomadDouble
{
    private void MapAgentEndpoints(WebApplication app)
    {
        app.Map("/v1/agent/self", Endpoint("GET", context => WriteJsonAsync(context, new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["Region"] = _options.Region,
                ["Datacenter"] = _options.Datacenter,
                ["NodeName"] = "node-1",
                ["Version"] = new JsonObject
                {
                    ["Version"] = _options.Version, ["VersionPrerelease"] = string.Empty, ["VersionMetadata"] = string.Empty,
                    ["Revision"] = "0000000000000000000000000000000000000000", ["BuildDate"] = "2026-08-01T00:00:00Z",
                },
                ["ACL"] = new JsonObject { ["Enabled"] = _options.Token is not null },
                ["Server"] = new JsonObject { ["Enabled"] = true },
                ["Client"] = new JsonObject { ["Enabled"] = true },
            },
            ["member"] = new JsonObject
            {
                ["Name"] = $"node-1.{_options.Region}", ["Addr"] = "127.0.0.1", ["Port"] = 4648,
                ["Tags"] = new JsonObject { ["region"] = _options.Region, ["dc"] = _options.Datacenter, ["role"] = "nomad", ["build"] = _options.Version },
                ["Status"] = "alive", ["ProtocolMin"] = 1, ["ProtocolMax"] = 5, ["ProtocolCur"] = 2, ["DelegateMin"] = 2, ["DelegateMax"] = 5, ["DelegateCur"] = 4,
            },
            ["stats"] = new JsonObject
            {
                ["nomad"] = new JsonObject { ["server"] = "true", ["leader"] = "true", ["leader_addr"] = "127.0.0.1:4647", ["bootstrap"] = "false", ["known_regions"] = "1" },
            },
        })));
        app.Map("/v1/status/leader", Endpoint("GET", context => WriteJsonAsync(context, JsonValue.Create("127.0.0.1:4647")), acl: false));
        app.Map("/v1/status/peers", Endpoint("GET", context => WriteJsonAsync(context, new JsonArray("127.0.0.1:4647")), acl: false));
    }
}
