using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomelabManager.Tests.NomadSchema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// An in-process Nomad agent that follows <c>contracts/nomad-api.md</c> and is stricter than the real
/// one: job bodies must pass <see cref="NomadJobSchemaValidator"/>. Errors are plain text; validation and
/// EnforceIndex failures are HTTP 500; ACLs are enforced when a token is configured.
/// </summary>
internal sealed partial class NomadDouble : ApiDouble
{
    private readonly NomadDoubleOptions _options;
    private readonly NomadJobSchemaValidator _validator;
    private readonly NomadJobSchema _schema;
    private readonly NomadDoubleState _state = new();
    private readonly NomadScheduler _scheduler;
    private readonly List<ITimer> _timers = [];
    private readonly Dictionary<(string Alloc, string Task, string Type), NomadLogSource> _logs = [];

    private NomadDouble(NomadDoubleOptions options, NomadJobSchema schema)
        : base(options.Time)
    {
        _options = options;
        _schema = schema;
        _validator = new NomadJobSchemaValidator(schema);
        _scheduler = new NomadScheduler(_state, Time);
    }

    /// <summary>Starts a double (the contracts schema must be available: use <see cref="RequiresNomadSchemaFactAttribute"/>).</summary>
    public static async Task<NomadDouble> StartAsync(NomadDoubleOptions? options = null)
    {
        var schema = NomadJobSchema.Current ?? throw new InvalidOperationException(NomadJobSchema.MissingReason);
        var nomad = new NomadDouble(options ?? new NomadDoubleOptions(), schema);
        await nomad.StartServerAsync();
        return nomad;
    }

    /// <summary>The raft index of the last write.</summary>
    public ulong Index
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Index;
            }
        }
    }

    /// <summary>Makes the next deployment of <paramref name="jobId"/> fail (its allocations turn unhealthy).</summary>
    public void FailNextDeployment(string jobId)
    {
        lock (_state.Sync)
        {
            _state.FailNextDeployment.Add(jobId);
        }
    }

    /// <summary>One step of every running deployment: successful, or failed (+ auto-revert deployment).</summary>
    public void ProgressDeployments()
    {
        lock (_state.Sync)
        {
            _scheduler.ProgressAll();
            ArmTimers();
        }
    }

    /// <summary>Steps deployments until none is running.</summary>
    public void SettleDeployments()
    {
        for (var i = 0; i < 10 && RunningDeployments() > 0; i++)
        {
            ProgressDeployments();
        }
    }

    /// <summary>How many deployments are running.</summary>
    public int RunningDeployments()
    {
        lock (_state.Sync)
        {
            return _state.Deployments.Count(d => d.Status == "running");
        }
    }

    /// <summary>The IDs of a job's allocations that should run.</summary>
    public IReadOnlyList<string> RunningAllocations(string jobId)
    {
        lock (_state.Sync)
        {
            return [.. _state.Allocs.Values.Where(a => a.JobId == jobId && a.DesiredStatus == "run").OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Id)];
        }
    }

    /// <summary>The log file of a task that streams serve; append to it to feed <c>follow</c>.</summary>
    public NomadLogSource Log(string allocationId, string task, string type = "stdout")
    {
        lock (_logs)
        {
            if (!_logs.TryGetValue((allocationId, task, type), out var source))
            {
                source = new NomadLogSource($"alloc/logs/{task}.{type}.0");
                _logs[(allocationId, task, type)] = source;
            }

            return source;
        }
    }

    /// <summary>Consul registrations of running allocations (what Nomad's Consul integration would register).</summary>
    public IReadOnlyList<NomadServiceRegistration> ServiceRegistrations()
    {
        lock (_state.Sync)
        {
            var result = new List<NomadServiceRegistration>();
            foreach (var alloc in _state.Allocs.Values.Where(a => a.DesiredStatus == "run" && a.ClientStatus == "running"))
            {
                var job = _state.Jobs[(alloc.Namespace, alloc.JobId)];
                var version = job.Versions.First(v => v.Version == alloc.JobVersion);
                var group = version.Spec["TaskGroups"]!.AsArray().First(g => g!["Name"]!.GetValue<string>() == alloc.TaskGroup)!;
                foreach (var service in group["Services"]?.AsArray() ?? [])
                {
                    if (service?["Provider"]?.GetValue<string>() is "nomad")
                    {
                        continue;
                    }

                    var name = service!["Name"]?.GetValue<string>() ?? $"{alloc.JobId}-{alloc.TaskGroup}";
                    var label = service["PortLabel"]?.GetValue<string>() ?? string.Empty;
                    result.Add(new NomadServiceRegistration(
                        $"_nomad-task-{alloc.Id}-group-{alloc.TaskGroup}-{name}-{label}",
                        name,
                        [.. (service["Tags"]?.AsArray() ?? []).Select(t => t!.GetValue<string>())],
                        alloc.Ports.TryGetValue(label, out var port) ? port : 0,
                        alloc.Healthy != false));
                }
            }

            return result;
        }
    }

    protected override void MapEndpoints(WebApplication app)
    {
        MapJobEndpoints(app);
        MapDeploymentEndpoints(app);
        MapClientEndpoints(app);
        MapVolumeEndpoints(app);
        MapAgentEndpoints(app);
    }

    protected override void OnDisposed()
    {
        lock (_state.Sync)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>A handler wrapped with ACL and method checks (<c>PUT</c> and <c>POST</c> are interchangeable).</summary>
    private RequestDelegate Endpoint(string methods, Func<HttpContext, Task> handler, bool acl = true) => async context =>
    {
        if (acl && _options.Token is { } token)
        {
            var sent = context.Request.Headers["X-Nomad-Token"].ToString();
            if (sent.Length == 0 && context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            {
                var parts = authorization.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                sent = parts.Length >= 2 && parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? parts[1] : string.Empty;
            }

            if (sent.Length == 0)
            {
                await WriteTextAsync(context, 403, "Permission denied");
                return;
            }

            if (sent != token)
            {
                await WriteTextAsync(context, 403, "ACL token not found");
                return;
            }
        }

        var method = context.Request.Method == "POST" ? "PUT" : context.Request.Method;
        if (!methods.Split(',').Contains(method))
        {
            await WriteTextAsync(context, 405, "Invalid method");
            return;
        }

        await handler(context);
    };

    /// <summary>Writes go-codec style JSON (no trailing newline unless <c>?pretty</c>), with the read headers.</summary>
    private Task WriteJsonAsync(HttpContext context, JsonNode? body, ulong? index = null, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Nomad-Index"] = (index ?? Index).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Nomad-Lastcontact"] = "0";
        context.Response.Headers["X-Nomad-Knownleader"] = "true";
        var pretty = context.Request.Query.TryGetValue("pretty", out var value) && value.ToString() != "0";
        var text = body is null ? "null" : body.ToJsonString(new JsonSerializerOptions { WriteIndented = pretty, IndentSize = 4 });
        return context.Response.WriteAsync(pretty ? text + "\n" : text);
    }

    /// <summary>
    /// Blocking-query handling: validates <c>index</c>/<c>wait</c> (400 on bad values) and holds the request
    /// until the state changes past <c>index</c> or the wait (capped at 300 s) expires. False when an error was written.
    /// </summary>
    private async Task<bool> BlockAsync(HttpContext context)
    {
        var query = context.Request.Query;
        ulong index = 0;
        if (query.TryGetValue("index", out var indexText) && !ulong.TryParse(indexText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            await WriteTextAsync(context, 400, "Invalid index");
            return false;
        }

        var wait = TimeSpan.FromMinutes(5);
        if (query.TryGetValue("wait", out var waitText))
        {
            if (ParseGoDuration(waitText.ToString()) is not { } parsed)
            {
                await WriteTextAsync(context, 400, "Invalid wait time");
                return false;
            }

            wait = parsed > TimeSpan.FromSeconds(300) ? TimeSpan.FromSeconds(300) : parsed;
        }

        if (index == 0)
        {
            return true;
        }

        var deadline = Time.GetUtcNow() + wait;
        while (true)
        {
            Task changed;
            lock (_state.Sync)
            {
                if (_state.Index > index)
                {
                    return true;
                }

                changed = _state.Changed;
            }

            var remaining = deadline - Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return true;
            }

            using var delay = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var timeout = Task.Delay(remaining, Time, delay.Token);
            var first = await Task.WhenAny(changed, timeout);
            await delay.CancelAsync();
            if (first != changed || context.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
        }
    }

    private static string Namespace(HttpContext context) =>
        context.Request.Query.TryGetValue("namespace", out var ns) && ns.ToString().Length > 0 ? ns.ToString() : "default";

    private void ArmTimers()
    {
        foreach (var deployment in _scheduler.NewDeployments)
        {
            if (_options.DeploymentDuration is { } duration)
            {
                var id = deployment.Id;
                _timers.Add(Time.CreateTimer(
                    _ =>
                    {
                        lock (_state.Sync)
                        {
                            _scheduler.Progress(_state.Deployments.First(d => d.Id == id));
                            ArmTimers();
                        }
                    },
                    null,
                    duration,
                    Timeout.InfiniteTimeSpan));
            }
        }

        _scheduler.NewDeployments.Clear();
    }

    /// <summary>Go's <c>time.ParseDuration</c> for the units Nomad users write; a bare number is invalid.</summary>
    private static TimeSpan? ParseGoDuration(string text)
    {
        var match = GoDuration().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var total = 0.0;
        foreach (Capture capture in match.Groups["part"].Captures)
        {
            var part = GoDurationPart().Match(capture.Value);
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "h" => value * 3600_000,
                "m" => value * 60_000,
                "s" => value * 1000,
                "ms" => value,
                "us" or "µs" => value / 1000,
                _ => value / 1_000_000,
            };
        }

        return TimeSpan.FromMilliseconds(total);
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$")]
    private static partial Regex GoDurationPart();
}

/// <summary>A service instance the Nomad double's running allocations would register in Consul.</summary>
internal sealed record NomadServiceRegistration(string ServiceId, string Name, IReadOnlyList<string> Tags, int Port, bool Healthy);
