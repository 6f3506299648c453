using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>Client-node endpoints: framed log streams and allocation statistics.</summary>
internal sealed partial class NomadDouble
{
    private const int MaxFrameBytes = 64 * 1024;

    private void MapClientEndpoints(WebApplication app)
    {
        app.Map("/v1/client/fs/logs/{id}", Endpoint("GET", StreamLogsAsync));
        app.Map("/v1/client/allocation/{id}/stats", Endpoint("GET", AllocationStatsAsync));
    }

    private async Task StreamLogsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var allocId = RouteId(context);
        var task = query["task"].ToString();
        var type = query["type"].ToString();
        var origin = query.TryGetValue("origin", out var originText) ? originText.ToString() : "start";
        if (task.Length == 0)
        {
            await WriteTextAsync(context, 400, "must provide task name");
            return;
        }

        if (type is not ("stdout" or "stderr"))
        {
            await WriteTextAsync(context, 400, "must provide log type (stdout/stderr)");
            return;
        }

        if (origin is not ("start" or "end"))
        {
            await WriteTextAsync(context, 400, "origin must be start or end");
            return;
        }

        var follow = false;
        if (query.TryGetValue("follow", out var followText) && !bool.TryParse(followText.ToString(), out follow))
        {
            await WriteTextAsync(context, 400, $"failed to parse follow field to boolean: strconv.ParseBool: parsing \"{followText}\": invalid syntax");
            return;
        }

        var plain = false;
        if (query.TryGetValue("plain", out var plainText) && !bool.TryParse(plainText.ToString(), out plain))
        {
            await WriteTextAsync(context, 400, $"failed to parse plain field to boolean: strconv.ParseBool: parsing \"{plainText}\": invalid syntax");
            return;
        }

        long offset = 0;
        if (query.TryGetValue("offset", out var offsetText) && !long.TryParse(offsetText.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset))
        {
            await WriteTextAsync(context, 400, $"error parsing offset: strconv.ParseInt: parsing \"{offsetText}\": invalid syntax");
            return;
        }

        lock (_state.Sync)
        {
            if (!_state.Allocs.TryGetValue(allocId, out var alloc))
            {
                context.Response.StatusCode = 404;
            }
            else if (!alloc.Tasks.TryGetValue(task, out var taskState))
            {
                context.Response.StatusCode = 400;
            }
            else if (taskState.StartedAt is null)
            {
                context.Response.StatusCode = 409;
            }
        }

        switch (context.Response.StatusCode)
        {
            case 404:
                await WriteTextAsync(context, 404, $"Unknown allocation \"{allocId}\"");
                return;
            case 400:
                await WriteTextAsync(context, 400, $"unknown task name \"{task}\"");
                return;
            case 409:
                await WriteTextAsync(context, 404, $"task \"{task}\" not started yet. No logs available");
                return;
        }

        var source = Log(allocId, task, type);
        var (initial, length, _) = source.Read(0);
        var position = origin == "end" ? Math.Max(0, length - offset) : Math.Min(offset, length);
        context.Response.StatusCode = 200;
        context.Response.ContentType = plain ? "text/plain" : "application/json";
        var aborted = context.RequestAborted;
        try
        {
            await context.Response.StartAsync(aborted);
            while (!aborted.IsCancellationRequested)
            {
                var (bytes, end, changed) = source.Read(position);
                for (var sent = 0; sent < bytes.Length; sent += MaxFrameBytes)
                {
                    var chunk = bytes.AsSpan(sent, Math.Min(MaxFrameBytes, bytes.Length - sent)).ToArray();
                    position += chunk.Length;
                    if (plain)
                    {
                        await context.Response.Body.WriteAsync(chunk, aborted);
                    }
                    else
                    {
                        var frame = new JsonObject { ["Offset"] = position, ["Data"] = Convert.ToBase64String(chunk), ["File"] = source.File };
                        await context.Response.WriteAsync(frame.ToJsonString(), Encoding.UTF8, aborted);
                    }
                }

                await context.Response.Body.FlushAsync(aborted);
                if (!follow || source.Closed)
                {
                    return;
                }

                using var idle = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var heartbeat = Task.Delay(_options.HeartbeatInterval, Time, idle.Token);
                var first = await Task.WhenAny(changed, heartbeat);
                await idle.CancelAsync();
                if (first == heartbeat && !plain && !aborted.IsCancellationRequested)
                {
                    await context.Response.WriteAsync("{}", Encoding.UTF8, aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away; a real agent just stops streaming.
        }
    }

    private async Task AllocationStatsAsync(HttpContext context)
    {
        var allocId = RouteId(context);
        string[] tasks;
        lock (_state.Sync)
        {
            tasks = _state.Allocs.TryGetValue(allocId, out var alloc) ? [.. alloc.Tasks.Keys] : [];
        }

        if (tasks.Length == 0)
        {
            await WriteTextAsync(context, 404, $"Unknown allocation \"{allocId}\"");
            return;
        }

        var only = context.Request.Query["task"].ToString();
        var now = new NomadScheduler(_state, Time).Now;
        var perTask = new JsonObject();
        foreach (var task in tasks.Where(t => only.Length == 0 || t == only))
        {
            perTask[task] = new JsonObject { ["ResourceUsage"] = Usage(), ["Timestamp"] = now, ["Pids"] = null };
        }

        await WriteJsonAsync(context, new JsonObject { ["ResourceUsage"] = Usage(), ["Tasks"] = perTask, ["Timestamp"] = now });
    }

    private static JsonObject Usage() => new()
    {
        ["MemoryStats"] = new JsonObject
        {
            ["RSS"] = 1486848, ["Cache"] = 1744896, ["Swap"] = 0, ["Usage"] = 0, ["MaxUsage"] = 4710400, ["KernelUsage"] = 0, ["KernelMaxUsage"] = 0,
            ["Measured"] = new JsonArray("RSS", "Cache", "Swap", "Max Usage"),
        },
        ["CpuStats"] = new JsonObject
        {
            ["SystemMode"] = 0, ["UserMode"] = 0, ["TotalTicks"] = 3.25, ["ThrottledPeriods"] = 0, ["ThrottledTime"] = 0, ["Percent"] = 0.14,
            ["Measured"] = new JsonArray("Throttled Periods", "Throttled Time", "Percent"),
        },
        ["DeviceStats"] = null,
    };
}
