using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>Job endpoints: register, plan, list, read, stop/purge, a job's allocations and deployments.</summary>
internal sealed partial class NomadDouble
{
    private void MapJobEndpoints(WebApplication app)
    {
        app.Map("/v1/jobs", Endpoint("GET,PUT", context => context.Request.Method == "GET" ? ListJobsAsync(context) : RegisterAsync(context, null)));
        app.Map("/v1/job/{id}", Endpoint("GET,PUT,DELETE", context => context.Request.Method switch
        {
            "GET" => ReadJobAsync(context),
            "DELETE" => StopJobAsync(context),
            _ => RegisterAsync(context, RouteId(context)),
        }));
        app.Map("/v1/job/{id}/plan", Endpoint("PUT", PlanAsync));
        app.Map("/v1/job/{id}/allocations", Endpoint("GET", JobAllocationsAsync));
        app.Map("/v1/job/{id}/deployment", Endpoint("GET", LatestDeploymentAsync));
        app.Map("/v1/job/{id}/deployments", Endpoint("GET", JobDeploymentsAsync));
    }

    private static string RouteId(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    /// <summary>The go-multierror text Nomad returns for validation failures.</summary>
    private static string MultiError(List<string> errors) =>
        (errors.Count == 1 ? "1 error occurred:" : $"{errors.Count} errors occurred:")
        + string.Concat(errors.Select(e => "\n\t* " + e)) + "\n\n";

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            await WriteTextAsync(context, 400, "Request body is empty");
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject body)
            {
                return body;
            }

            await WriteTextAsync(context, 400, "json: cannot unmarshal non-object into Go value of type api.JobRegisterRequest");
        }
        catch (JsonException exception)
        {
            await WriteTextAsync(context, 400, "invalid character in request body: " + exception.Message);
        }

        return null;
    }

    /// <summary>
    /// The checks a register or plan body goes through: agent checks (400), then decode-type errors
    /// (400, as Go's decoder would), then the strict schema and server validation (500 multi-error).
    /// Returns false when an error was written.
    /// </summary>
    private async Task<bool> ValidateJobAsync(HttpContext context, JsonObject body, string requestType, string missingId)
    {
        if (body["Job"] is not JsonObject job)
        {
            await WriteTextAsync(context, 400, "Job must be specified");
            return false;
        }

        if (job["ID"] is null)
        {
            await WriteTextAsync(context, 400, missingId);
            return false;
        }

        var errors = new List<string>();
        var allowed = _schema.Structs[requestType];
        foreach (var property in body)
        {
            if (!allowed.ContainsKey(property.Key))
            {
                errors.Add($"$.{property.Key}: unknown field of {requestType}");
            }
        }

        errors.AddRange(_validator.ValidateJob(job.ToJsonString()).Select(e => e.StartsWith('$') ? "$.Job" + e[1..] : e));
        var typeErrors = errors.Where(IsDecodeError).ToList();
        if (typeErrors.Count > 0)
        {
            await WriteTextAsync(context, 400, "json: cannot unmarshal request body: " + string.Join("; ", typeErrors));
            return false;
        }

        if (errors.Count > 0)
        {
            await WriteTextAsync(context, 500, MultiError(errors));
            return false;
        }

        return true;
    }

    private static bool IsDecodeError(string error) =>
        error.Contains(": expected a JSON ", StringComparison.Ordinal)
        || error.Contains("a duration must be an integer", StringComparison.Ordinal)
        || error.Contains(": expected an integer in ", StringComparison.Ordinal);

    private async Task RegisterAsync(HttpContext context, string? pathId)
    {
        if (await ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        if (!await ValidateJobAsync(context, body, "JobRegisterRequest", "Job ID hasn't been provided"))
        {
            return;
        }

        var job = (JsonObject)body["Job"]!;
        var id = job["ID"]!.GetValue<string>();
        if (pathId is not null && pathId != id)
        {
            await WriteTextAsync(context, 400, "Job ID does not match name");
            return;
        }

        if (body["EvalPriority"]?.GetValue<int>() is { } priority and not 0 and (< 1 or > 100))
        {
            await WriteTextAsync(context, 400, "Eval priority must be between 1 and 100 inclusively");
            return;
        }

        var ns = context.Request.Query["namespace"].FirstOrDefault() is { Length: > 0 } queryNs ? queryNs
            : body["Namespace"]?.GetValue<string>() is { Length: > 0 } bodyNs ? bodyNs
            : job["Namespace"]?.GetValue<string>() is { Length: > 0 } jobNs ? jobNs
            : "default";
        var region = context.Request.Query["region"].FirstOrDefault() is { Length: > 0 } queryRegion ? queryRegion
            : body["Region"]?.GetValue<string>() is { Length: > 0 } bodyRegion ? bodyRegion
            : job["Region"]?.GetValue<string>() is { Length: > 0 } jobRegion ? jobRegion
            : _options.Region;
        job["Namespace"] = ns;
        job["Region"] = region == "global" ? _options.Region : region;

        JsonObject response;
        ulong index;
        lock (_state.Sync)
        {
            var enforce = body["EnforceIndex"]?.GetValue<bool>() ?? false;
            var expected = body["JobModifyIndex"]?.GetValue<ulong>() ?? 0;
            _state.Jobs.TryGetValue((ns, id), out var existing);
            var conflict = !enforce ? null
                : expected == 0 && existing is not null ? "Enforcing job modify index 0: job already exists"
                : expected != 0 && existing is null ? $"Enforcing job modify index {expected}: job does not exist"
                : expected != 0 && existing!.JobModifyIndex != expected
                    ? $"Enforcing job modify index {expected}: job exists with conflicting job modify index: {existing.JobModifyIndex}"
                    : null;
            if (conflict is not null)
            {
                response = new JsonObject { ["error"] = conflict };
                index = 0;
            }
            else
            {
                var (evaluation, record) = _scheduler.Register(ns, job);
                ArmTimers();
                index = _state.Index;
                response = new JsonObject
                {
                    ["EvalID"] = evaluation.Id,
                    ["EvalCreateIndex"] = evaluation.CreateIndex,
                    ["JobModifyIndex"] = record.JobModifyIndex,
                    ["Warnings"] = string.Empty,
                    ["Index"] = index,
                    ["LastContact"] = 0,
                    ["KnownLeader"] = false,
                    ["NextToken"] = string.Empty,
                };
            }
        }

        if (response["error"] is { } error)
        {
            await WriteTextAsync(context, 500, error.GetValue<string>());
            return;
        }

        context.Response.Headers["X-Nomad-Index"] = index.ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(context, response, index);
    }

    private async Task PlanAsync(HttpContext context)
    {
        if (await ReadBodyAsync(context) is not { } body)
        {
            return;
        }

        if (!await ValidateJobAsync(context, body, "JobPlanRequest", "Job must have a valid ID"))
        {
            return;
        }

        var job = (JsonObject)body["Job"]!.DeepClone();
        if (job["ID"]!.GetValue<string>() != RouteId(context))
        {
            await WriteTextAsync(context, 400, "Job ID does not match");
            return;
        }

        var ns = context.Request.Query["namespace"].FirstOrDefault() is { Length: > 0 } queryNs ? queryNs
            : job["Namespace"]?.GetValue<string>() is { Length: > 0 } jobNs ? jobNs
            : "default";
        job["Namespace"] = ns;
        job["Region"] = job["Region"]?.GetValue<string>() is { Length: > 0 } r && r != "global" ? r : _options.Region;
        JsonObject diff;
        JsonObject desired;
        ulong jobModifyIndex;
        lock (_state.Sync)
        {
            _state.Jobs.TryGetValue((ns, RouteId(context)), out var existing);
            (diff, desired) = NomadPlanDiff.Build(existing?.Current.Spec, existing?.Stop ?? false, job);
            jobModifyIndex = existing?.JobModifyIndex ?? 0;
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["Annotations"] = new JsonObject { ["DesiredTGUpdates"] = desired, ["PreemptedAllocs"] = null },
            ["FailedTGAllocs"] = null,
            ["JobModifyIndex"] = jobModifyIndex,
            ["CreatedEvals"] = null,
            ["Diff"] = body["Diff"]?.GetValue<bool>() == true ? diff : null,
            ["NextPeriodicLaunch"] = null,
            ["Warnings"] = string.Empty,
            ["Index"] = 0,
        });
    }

    private async Task ListJobsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var includeMeta = false;
        if (query.TryGetValue("meta", out var metaText) && !bool.TryParse(metaText.ToString(), out includeMeta))
        {
            await WriteTextAsync(context, 500, $"Failed to parse value of \"meta\" ({metaText}) as a bool: strconv.ParseBool: parsing \"{metaText}\": invalid syntax");
            return;
        }

        if (!await BlockAsync(context))
        {
            return;
        }

        var ns = Namespace(context);
        var prefix = query["prefix"].ToString();
        JsonArray list;
        lock (_state.Sync)
        {
            list = new JsonArray([.. _state.Jobs.Values
                .Where(j => (ns == "*" || j.Namespace == ns) && j.Id.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(j => j.Id, StringComparer.Ordinal)
                .Select(j => NomadResponses.ListStub(j, _scheduler.JobStatus(j), NomadResponses.Summary(j, Allocations(j), _state.Index), includeMeta))]);
        }

        await WriteJsonAsync(context, list);
    }

    private async Task ReadJobAsync(HttpContext context)
    {
        if (!await BlockAsync(context))
        {
            return;
        }

        JsonObject? job = null;
        lock (_state.Sync)
        {
            if (_state.Jobs.TryGetValue((Namespace(context), RouteId(context)), out var record))
            {
                job = NomadResponses.Job(record, record.Current, _scheduler.JobStatus(record));
            }
        }

        if (job is null)
        {
            await WriteTextAsync(context, 404, "job not found");
            return;
        }

        await WriteJsonAsync(context, job);
    }

    private async Task StopJobAsync(HttpContext context)
    {
        var purge = false;
        if (context.Request.Query.TryGetValue("purge", out var purgeText) && !bool.TryParse(purgeText.ToString(), out purge))
        {
            await WriteTextAsync(context, 500, $"Failed to parse value of \"purge\" ({purgeText}) as a bool: strconv.ParseBool: parsing \"{purgeText}\": invalid syntax");
            return;
        }

        JsonObject response;
        ulong index;
        lock (_state.Sync)
        {
            var (evaluation, jobModifyIndex) = _scheduler.Deregister(Namespace(context), RouteId(context), purge);
            index = _state.Index;
            response = new JsonObject
            {
                ["EvalID"] = evaluation.Id,
                ["EvalCreateIndex"] = evaluation.CreateIndex,
                ["JobModifyIndex"] = jobModifyIndex,
                ["VolumeEvalID"] = string.Empty,
                ["VolumeEvalIndex"] = 0,
                ["Index"] = index,
                ["LastContact"] = 0,
                ["KnownLeader"] = false,
                ["NextToken"] = string.Empty,
            };
        }

        await WriteJsonAsync(context, response, index);
    }

    private async Task JobAllocationsAsync(HttpContext context)
    {
        if (!await BlockAsync(context))
        {
            return;
        }

        JsonArray list;
        lock (_state.Sync)
        {
            var ns = Namespace(context);
            var id = RouteId(context);
            list = new JsonArray([.. _state.Allocs.Values
                .Where(a => a.Namespace == ns && a.JobId == id)
                .OrderBy(a => a.CreateIndex).ThenBy(a => a.Name, StringComparer.Ordinal)
                .Select(NomadResponses.AllocationStub)]);
        }

        await WriteJsonAsync(context, list);
    }

    private async Task LatestDeploymentAsync(HttpContext context)
    {
        if (!await BlockAsync(context))
        {
            return;
        }

        JsonObject? deployment;
        lock (_state.Sync)
        {
            var latest = _state.Deployments.LastOrDefault(d => d.Namespace == Namespace(context) && d.JobId == RouteId(context));
            deployment = latest is null ? null : NomadResponses.Deployment(latest);
        }

        await WriteJsonAsync(context, deployment);
    }

    private async Task JobDeploymentsAsync(HttpContext context)
    {
        if (!await BlockAsync(context))
        {
            return;
        }

        JsonArray list;
        lock (_state.Sync)
        {
            list = new JsonArray([.. _state.Deployments
                .Where(d => d.Namespace == Namespace(context) && d.JobId == RouteId(context))
                .Reverse<NomadDeploymentRecord>()
                .Select(NomadResponses.Deployment)]);
        }

        await WriteJsonAsync(context, list);
    }

    private IEnumerable<NomadAllocRecord> Allocations(NomadJobRecord job) =>
        _state.Allocs.Values.Where(a => a.JobId == job.Id && a.Namespace == job.Namespace);
}
