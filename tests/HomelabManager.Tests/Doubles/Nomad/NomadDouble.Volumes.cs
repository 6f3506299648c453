using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// Dynamic host volumes (<c>/v1/volume/host/*</c>, <c>/v1/volumes?type=host</c>). Not in the contracts
/// folder: field names from hashicorp/nomad <c>api/host_volumes.go</c>; unknown fields are rejected
/// (stricter than Nomad), a missing name is a 500 multi-error (text unverified).
/// </summary>
internal sealed partial class NomadDouble
{
    private static readonly HashSet<string> HostVolumeFields =
    [
        "Namespace", "ID", "Name", "PluginID", "NodePool", "NodeID", "Constraints", "RequestedCapacityMinBytes",
        "RequestedCapacityMaxBytes", "CapacityBytes", "RequestedCapabilities", "Parameters", "HostPath", "State",
        "CreateIndex", "CreateTime", "ModifyIndex", "ModifyTime",
    ];

    private void MapVolumeEndpoints(WebApplication app)
    {
        app.Map("/v1/volume/host/create", Endpoint("PUT", CreateVolumeAsync));
        app.Map("/v1/volume/host/{id}", Endpoint("GET,DELETE", context => context.Request.Method == "DELETE" ? DeleteVolumeAsync(context) : ReadVolumeAsync(context)));
        app.Map("/v1/volumes", Endpoint("GET", ListVolumesAsync));
    }

    private async Task CreateVolumeAsync(HttpContext context)
    {
        if (await ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        var unknown = body.Select(p => p.Key).Where(k => k is not ("Volume" or "PolicyOverride"))
            .Concat((body["Volume"] as JsonObject ?? []).Select(p => p.Key).Where(k => !HostVolumeFields.Contains(k)))
            .ToList();
        if (unknown.Count > 0)
        {
            await WriteTextAsync(context, 400, $"json: unknown field \"{unknown[0]}\"");
            return;
        }

        if (body["Volume"] is not JsonObject volume)
        {
            await WriteTextAsync(context, 400, "missing volume definition");
            return;
        }

        if (volume["Name"]?.GetValue<string>() is not { Length: > 0 } name)
        {
            await WriteTextAsync(context, 500, MultiError(["missing name"]));
            return;
        }

        JsonObject stored;
        ulong index;
        lock (_state.Sync)
        {
            index = _state.NextIndex();
            var now = new NomadScheduler(_state, Time).Now;
            var id = volume["ID"]?.GetValue<string>() is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
            stored = new JsonObject
            {
                ["Namespace"] = context.Request.Query["namespace"].FirstOrDefault() is { Length: > 0 } queryNs ? queryNs
                    : volume["Namespace"]?.GetValue<string>() is { Length: > 0 } bodyNs ? bodyNs : "default",
                ["ID"] = id,
                ["Name"] = name,
                ["PluginID"] = volume["PluginID"]?.GetValue<string>() is { Length: > 0 } plugin ? plugin : "mkdir",
                ["NodePool"] = volume["NodePool"]?.GetValue<string>() is { Length: > 0 } pool ? pool : "default",
                ["NodeID"] = volume["NodeID"]?.GetValue<string>() is { Length: > 0 } node ? node : NomadScheduler.NodeIdentifier,
                ["Constraints"] = volume["Constraints"]?.DeepClone(),
                ["RequestedCapacityMinBytes"] = volume["RequestedCapacityMinBytes"]?.DeepClone() ?? 0,
                ["RequestedCapacityMaxBytes"] = volume["RequestedCapacityMaxBytes"]?.DeepClone() ?? 0,
                ["CapacityBytes"] = volume["RequestedCapacityMinBytes"]?.DeepClone() ?? 0,
                ["RequestedCapabilities"] = volume["RequestedCapabilities"]?.DeepClone(),
                ["Parameters"] = volume["Parameters"]?.DeepClone(),
                ["HostPath"] = $"/opt/nomad/data/host_volumes/{id}",
                ["State"] = "ready",
                ["CreateIndex"] = _state.Volumes.TryGetValue(id, out var existing) ? existing["CreateIndex"]!.DeepClone() : index,
                ["CreateTime"] = existing?["CreateTime"]?.DeepClone() ?? now,
                ["ModifyIndex"] = index,
                ["ModifyTime"] = now,
            };
            _state.Volumes[id] = stored;
            _state.Signal();
        }

        await WriteJsonAsync(context, new JsonObject { ["Volume"] = stored.DeepClone(), ["Warnings"] = string.Empty, ["Index"] = index }, index);
    }

    private async Task ReadVolumeAsync(HttpContext context)
    {
        JsonNode? volume;
        lock (_state.Sync)
        {
            volume = _state.Volumes.GetValueOrDefault(RouteId(context))?.DeepClone();
        }

        await (volume is null ? WriteTextAsync(context, 404, "volume not found") : WriteJsonAsync(context, volume));
    }

    /// <summary>Deletes a volume; an unknown ID is not an error (as <c>nomad volume delete</c> documents).</summary>
    private async Task DeleteVolumeAsync(HttpContext context)
    {
        ulong index;
        lock (_state.Sync)
        {
            _state.Volumes.Remove(RouteId(context));
            index = _state.NextIndex();
            _state.Signal();
        }

        await WriteJsonAsync(context, new JsonObject { ["Index"] = index }, index);
    }

    /// <summary>The names of the host volumes that exist.</summary>
    public IReadOnlyList<string> HostVolumeNames()
    {
        lock (_state.Sync)
        {
            return [.. _state.Volumes.Values.Select(v => v["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        }
    }

    private async Task ListVolumesAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var ns = Namespace(context);
        JsonArray list;
        lock (_state.Sync)
        {
            list = query["type"].ToString() != "host"
                ? []
                : new JsonArray([.. _state.Volumes.Values
                    .Where(v => ns == "*" || v["Namespace"]!.GetValue<string>() == ns)
                    .Where(v => query["node_pool"].ToString() is not { Length: > 0 } pool || v["NodePool"]!.GetValue<string>() == pool)
                    .OrderBy(v => v["ID"]!.GetValue<string>(), StringComparer.Ordinal)
                    .Select(v => new JsonObject
                    {
                        ["Namespace"] = v["Namespace"]!.DeepClone(), ["ID"] = v["ID"]!.DeepClone(), ["Name"] = v["Name"]!.DeepClone(),
                        ["PluginID"] = v["PluginID"]!.DeepClone(), ["NodePool"] = v["NodePool"]!.DeepClone(), ["NodeID"] = v["NodeID"]!.DeepClone(),
                        ["CapacityBytes"] = v["CapacityBytes"]!.DeepClone(), ["State"] = v["State"]!.DeepClone(),
                        ["CreateIndex"] = v["CreateIndex"]!.DeepClone(), ["CreateTime"] = v["CreateTime"]!.DeepClone(),
                        ["ModifyIndex"] = v["ModifyIndex"]!.DeepClone(), ["ModifyTime"] = v["ModifyTime"]!.DeepClone(),
                    })]);
        }

        await WriteJsonAsync(context, list);
    }
}
