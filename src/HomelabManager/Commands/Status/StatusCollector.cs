using System.Text.Json;
using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Operations;

namespace HomelabManager.Commands.Status;

/// <summary>
/// Gathers <see cref="ServiceStatus"/> rows: one job list (with Meta) for the whole homelab, then one job
/// read and one Consul health query per deployed service, concurrently.
/// </summary>
internal sealed class StatusCollector(INomadClient nomad, IConsulClient consul)
{
    private string? _consulError;

    /// <summary>Collects the status of <paramref name="selection"/>; with <paramref name="includeOrphans"/> also managed jobs without a definition.</summary>
    public async Task<StatusReport> CollectAsync(ServiceSelection selection, bool includeOrphans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var jobs = (await nomad.ListJobsAsync(includeMeta: true, cancellationToken: cancellationToken)).Value
            .ToDictionary(j => j.Id, StringComparer.Ordinal);
        var rows = selection.Services
            .Select(service => RowAsync(service, jobs.GetValueOrDefault(service.Name), selection.PublicUrl(service), cancellationToken))
            .ToList();
        if (includeOrphans)
        {
            var known = selection.Homelab.Services.Select(s => s.Definition.Name).ToHashSet(StringComparer.Ordinal);
            rows.AddRange(jobs.Values
                .Where(j => IsManaged(j.Meta) && !known.Contains(j.Id))
                .OrderBy(j => j.Id, StringComparer.Ordinal)
                .Select(j => OrphanAsync(j, cancellationToken)));
        }

        var statuses = await Task.WhenAll(rows);
        return new StatusReport(statuses, _consulError);
    }

    private static bool IsManaged(IReadOnlyDictionary<string, string>? meta) =>
        meta is not null && meta.TryGetValue(JobMetaKeys.ManagedBy, out var value) && value == JobMetaKeys.ManagedByValue;

    private async Task<ServiceStatus> RowAsync(ServiceDefinition service, NomadJobListStub? stub, string? url, CancellationToken cancellationToken)
    {
        if (stub is null)
        {
            return new ServiceStatus(service.Name, "not deployed", false, null, new AllocationCounts(0, 0), null, url, service.Container.Image);
        }

        if (!IsManaged(stub.Meta))
        {
            return new ServiceStatus(service.Name, "not managed", false, null, new AllocationCounts(Running(stub), 0), null, url, null);
        }

        return await DeployedAsync(service.Name, stub, null, url, cancellationToken);
    }

    private Task<ServiceStatus> OrphanAsync(NomadJobListStub stub, CancellationToken cancellationToken) =>
        DeployedAsync(stub.Id, stub, "not in homelab", null, cancellationToken);

    private async Task<ServiceStatus> DeployedAsync(string name, NomadJobListStub stub, string? statusOverride, string? url, CancellationToken cancellationToken)
    {
        var jobTask = nomad.ReadJobAsync(name, cancellationToken: cancellationToken);
        var healthTask = HealthAsync(name, cancellationToken);
        var job = (await jobTask)?.Value;
        var health = await healthTask;
        var desired = job is null || job.Stop ? 0 : job.TaskGroups?.Sum(g => g.Count) ?? 0;
        var status = statusOverride ?? (stub.Stop ? "stopped" : stub.Status);
        return new ServiceStatus(name, status, true, job?.Version, new AllocationCounts(Running(stub), desired), health, url, job is null ? null : Image(job));
    }

    private async Task<HealthCounts?> HealthAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            var entries = (await consul.ListServiceHealthAsync(service, cancellationToken: cancellationToken)).Value;
            return new HealthCounts(
                entries.Count(e => e.AggregatedStatus == ConsulCheckStatus.Passing),
                entries.Count(e => e.AggregatedStatus == ConsulCheckStatus.Warning),
                entries.Count(e => e.AggregatedStatus == ConsulCheckStatus.Critical));
        }
        catch (ApiException exception)
        {
            // Nomad's view is still worth showing: report health as unavailable and fail the command at the end.
            Interlocked.CompareExchange(ref _consulError, exception.Message, null);
            return null;
        }
    }

    private static int Running(NomadJobListStub stub) => stub.JobSummary?.Summary?.Values.Sum(g => g.Running) ?? 0;

    private static string? Image(NomadJobDetail job)
    {
        var images = (job.TaskGroups ?? [])
            .SelectMany(g => g.Tasks ?? [])
            .Select(t => t.Config is { ValueKind: JsonValueKind.Object } config && config.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.String
                ? image.GetString()
                : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return images.Count == 0 ? null : string.Join(", ", images);
    }
}
