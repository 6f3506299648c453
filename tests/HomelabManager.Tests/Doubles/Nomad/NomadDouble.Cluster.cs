using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>Evaluation, deployment and allocation reads.</summary>
internal sealed partial class NomadDouble
{
    private void MapDeploymentEndpoints(WebApplication app)
    {
        app.Map("/v1/evaluation/{id}", Endpoint("GET", ReadEvaluationAsync));
        app.Map("/v1/deployment/{id}", Endpoint("GET", ReadDeploymentAsync));
        app.Map("/v1/allocation/{id}", Endpoint("GET", ReadAllocationAsync));
    }

    private async Task ReadEvaluationAsync(HttpContext context)
    {
        JsonObject? evaluation = null;
        lock (_state.Sync)
        {
            if (_state.Evals.TryGetValue(RouteId(context), out var record))
            {
                evaluation = NomadResponses.Evaluation(record, 50);
            }
        }

        await (evaluation is null ? WriteTextAsync(context, 404, "eval not found") : WriteJsonAsync(context, evaluation));
    }

    private async Task ReadDeploymentAsync(HttpContext context)
    {
        if (!await BlockAsync(context))
        {
            return;
        }

        JsonObject? deployment = null;
        lock (_state.Sync)
        {
            if (_state.Deployments.FirstOrDefault(d => d.Id == RouteId(context)) is { } record)
            {
                deployment = NomadResponses.Deployment(record);
            }
        }

        await (deployment is null ? WriteTextAsync(context, 404, "deployment not found") : WriteJsonAsync(context, deployment));
    }

    private async Task ReadAllocationAsync(HttpContext context)
    {
        JsonObject? allocation = null;
        lock (_state.Sync)
        {
            if (_state.Allocs.TryGetValue(RouteId(context), out var record))
            {
                allocation = NomadResponses.AllocationStub(record);
                allocation["DeploymentID"] = record.DeploymentId;
                var job = _state.Jobs.GetValueOrDefault((record.Namespace, record.JobId));
                var version = job?.Versions.FirstOrDefault(v => v.Version == record.JobVersion);
                allocation["Job"] = job is null || version is null ? null : NomadResponses.Job(job, version, _scheduler.JobStatus(job));
            }
        }

        await (allocation is null ? WriteTextAsync(context, 404, "alloc not found") : WriteJsonAsync(context, allocation));
    }
}
