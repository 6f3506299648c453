using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// <c>/v1/agent/self</c> (only the promised keys), <c>/v1/status/leader</c> (no ACL, like the real agent) and
/// <c>/v1/nodes</c> (the configured client nodes with their driver health).
/// </summary>
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
        app.Map("/v1/nodes", Endpoint("GET", context => WriteJsonAsync(context, new JsonArray([.. _options.Nodes.Select((node, i) => (JsonNode)Node(node, i))]))));
        app.Map("/v1/status/peers", Endpoint("GET", context => WriteJsonAsync(context, new JsonArray("127.0.0.1:4647")), acl: false));
    }

    private JsonObject Node(NomadDoubleNode node, int index) => new()
    {
        ["Address"] = "127.0.0.1",
        ["ID"] = $"5e1f2b9a-0d6c-4b8e-9f3a-7c2d1e0b4a{index:x2}",
        ["Attributes"] = null,
        ["Datacenter"] = _options.Datacenter,
        ["Name"] = node.Name,
        ["NodeClass"] = string.Empty,
        ["NodePool"] = "default",
        ["Version"] = _options.Version,
        ["Drain"] = false,
        ["SchedulingEligibility"] = "eligible",
        ["Status"] = node.Status,
        ["StatusDescription"] = string.Empty,
        ["Drivers"] = new JsonObject
        {
            ["docker"] = new JsonObject
            {
                ["Attributes"] = node.DockerHealthy ? new JsonObject { ["driver.docker"] = "true", ["driver.docker.version"] = "27.3.1" } : null,
                ["Detected"] = node.DockerHealthy,
                ["Healthy"] = node.DockerHealthy,
                ["HealthDescription"] = node.DockerHealthy ? "Healthy" : "Failed to connect to docker daemon",
                ["UpdateTime"] = "2026-08-21T10:00:00Z",
            },
            ["exec"] = new JsonObject
            {
                ["Attributes"] = new JsonObject { ["driver.exec"] = "true" }, ["Detected"] = true, ["Healthy"] = true,
                ["HealthDescription"] = "Healthy", ["UpdateTime"] = "2026-08-21T10:00:00Z",
            },
        },
        ["HostVolumes"] = null,
        ["NodeResources"] = null,
        ["ReservedResources"] = null,
        ["LastDrain"] = null,
        ["CreateIndex"] = 5,
        ["ModifyIndex"] = 7,
    };
}
