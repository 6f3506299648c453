using HomelabManager.Clients.Nomad;

namespace HomelabManager.Operations;

/// <summary>The allocations of a service's job that logs and metrics look at.</summary>
internal static class ServiceAllocations
{
    /// <summary>The client status of an allocation whose tasks run.</summary>
    public const string Running = "running";

    /// <summary>The job's allocations whose tasks are running, in name order (<c>job.group[0]</c>, <c>[1]</c>, …).</summary>
    public static async Task<IReadOnlyList<NomadAllocationStub>> RunningAsync(INomadClient nomad, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nomad);
        var all = await nomad.ListJobAllocationsAsync(jobId, cancellationToken: cancellationToken);
        return [.. all.Value.Where(a => a.ClientStatus == Running).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>The first 8 characters of an allocation ID, as the Nomad CLI shows them.</summary>
    public static string ShortId(string allocationId)
    {
        ArgumentNullException.ThrowIfNull(allocationId);
        return allocationId.Length > 8 ? allocationId[..8] : allocationId;
    }
}
