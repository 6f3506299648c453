using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Definitions;
using HomelabManager.Operations;

namespace HomelabManager.Commands.Metrics;

/// <summary>
/// Reads the stats of every running allocation of the selected services and sets them against what the
/// deployed job reserves (summed over the group's tasks). An allocation whose node does not answer is
/// reported with its error instead of failing the whole command.
/// </summary>
internal sealed class MetricsCollector(INomadClient nomad)
{
    private const double BytesPerMiB = 1024 * 1024;

    public async Task<MetricsReport> CollectAsync(IReadOnlyList<ServiceDefinition> services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var perService = await Task.WhenAll(services.Select(s => ServiceAsync(s.Name, cancellationToken)));
        return new MetricsReport(
            [.. perService.SelectMany(s => s)],
            [.. services.Where((_, i) => perService[i].Count == 0).Select(s => s.Name)]);
    }

    private async Task<IReadOnlyList<AllocationMetrics>> ServiceAsync(string name, CancellationToken cancellationToken)
    {
        var job = (await nomad.ReadJobAsync(name, cancellationToken: cancellationToken))?.Value;
        if (job is null)
        {
            return [];
        }

        var reserved = (job.TaskGroups ?? []).ToDictionary(
            g => g.Name,
            g => (Cpu: (g.Tasks ?? []).Sum(t => t.Resources?.Cpu ?? 0), Memory: (g.Tasks ?? []).Sum(t => t.Resources?.MemoryMB ?? 0)),
            StringComparer.Ordinal);
        var allocations = await ServiceAllocations.RunningAsync(nomad, name, cancellationToken);
        return await Task.WhenAll(allocations.Select(a => AllocationAsync(name, a, reserved.GetValueOrDefault(a.TaskGroup), cancellationToken)));
    }

    private async Task<AllocationMetrics> AllocationAsync(string service, NomadAllocationStub allocation, (int Cpu, int Memory) reserved, CancellationToken cancellationToken)
    {
        NomadAllocResourceUsage stats;
        try
        {
            stats = await nomad.ReadAllocationStatsAsync(allocation.Id, cancellationToken: cancellationToken);
        }
        catch (ApiException exception) when (exception.Kind == ApiErrorKind.HttpStatus)
        {
            return new AllocationMetrics(service, allocation.Id, allocation.NodeName, null, null, exception.ServerMessage.Length > 0 ? exception.ServerMessage : exception.Message);
        }

        var usage = stats.ResourceUsage;
        var cpu = usage?.CpuStats?.TotalTicks ?? 0;
        return new AllocationMetrics(
            service,
            allocation.Id,
            allocation.NodeName,
            ResourceFigure.Of(cpu, reserved.Cpu),
            ResourceFigure.Of(MemoryBytes(usage?.MemoryStats) / BytesPerMiB, reserved.Memory),
            null);
    }

    /// <summary>Like the Nomad CLI: <c>Usage</c> where the driver measures it (cgroups v2), else <c>RSS</c>.</summary>
    private static double MemoryBytes(NomadMemoryStats? memory) =>
        memory is null ? 0
        : memory.Measured?.Contains("Usage") == true ? memory.Usage
        : memory.RSS;
}
