namespace HomelabManager.Commands.Status;

/// <summary>One row of <c>status</c>: a homelab service and what Nomad and Consul say about it.</summary>
/// <param name="Service">Service name (= Nomad job ID and Consul service name).</param>
/// <param name="Status">
/// The job's status (<c>pending</c>, <c>running</c>, <c>dead</c>), <c>stopped</c> for a stopped job,
/// <c>not deployed</c>, <c>not in homelab</c> for a managed job without a definition (prune removes it) or
/// <c>not managed</c> for a job of that name the tool did not create.
/// </param>
/// <param name="Deployed">True when Nomad has a job by this name that the tool manages.</param>
/// <param name="Version">The job version Nomad runs; null when not deployed.</param>
/// <param name="Allocations">Allocations running against the count the job asks for.</param>
/// <param name="Health">Consul instances by their worst check; null when not deployed or Consul did not answer.</param>
/// <param name="Url">The public URL (<c>https://&lt;subdomain|name&gt;.&lt;domain&gt;</c>) of a public service.</param>
/// <param name="Image">The deployed image, or the one deploy would use when not deployed.</param>
internal sealed record ServiceStatus(
    string Service,
    string Status,
    bool Deployed,
    ulong? Version,
    AllocationCounts Allocations,
    HealthCounts? Health,
    string? Url,
    string? Image);

/// <summary>Allocations running against the desired count.</summary>
internal sealed record AllocationCounts(int Running, int Desired);

/// <summary>Consul instances of a service by their worst check status.</summary>
internal sealed record HealthCounts(int Passing, int Warning, int Critical)
{
    /// <summary>Readable summary, e.g. <c>2 passing, 1 critical</c>; <c>no instances</c> when empty.</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Passing > 0)
        {
            parts.Add($"{Passing} passing");
        }

        if (Warning > 0)
        {
            parts.Add($"{Warning} warning");
        }

        if (Critical > 0)
        {
            parts.Add($"{Critical} critical");
        }

        return parts.Count == 0 ? "no instances" : string.Join(", ", parts);
    }
}

/// <summary>The <c>status --output json</c> document.</summary>
/// <param name="Services">One entry per service, in homelab order, then managed jobs not in the homelab.</param>
/// <param name="ConsulError">Why health is missing, when Consul failed; null otherwise.</param>
internal sealed record StatusReport(IReadOnlyList<ServiceStatus> Services, string? ConsulError);
