using HomelabManager.Tests.Doubles;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// One endpoint a clean run used: which double (<c>nomad</c> or <c>vault</c>), the method and a fault route for
/// <see cref="FaultPlan"/>. Generated IDs (allocations, evaluations, deployments) end the route in <c>*</c> so the
/// route also matches the IDs of another run.
/// </summary>
/// <param name="Api">nomad or vault.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Route">Exact path, or a prefix ending in <c>*</c>.</param>
internal sealed record Endpoint(string Api, string Method, string Route)
{
    /// <summary>The distinct endpoints among <paramref name="requests"/>, in first-use order.</summary>
    public static IReadOnlyList<Endpoint> From(string api, IEnumerable<RecordedRequest> requests) =>
        [.. requests.Select(r => new Endpoint(api, r.Method, RouteOf(r.Path))).Distinct()];

    /// <summary>Parses <see cref="ToString"/>.</summary>
    public static Endpoint Parse(string text)
    {
        var parts = text.Split(' ');
        return new Endpoint(parts[0], parts[1], parts[2]);
    }

    /// <summary>The double's fault plan this endpoint belongs to.</summary>
    public FaultPlan FaultsIn(Deployment.ClusterHarness cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Api == "nomad" ? cluster.Nomad.Faults : cluster.Vault.Faults;
    }

    /// <summary>How many requests to this endpoint the double received.</summary>
    public int RequestsIn(Deployment.ClusterHarness cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var requests = Api == "nomad" ? cluster.Nomad.Requests.All : cluster.Vault.Requests.All;
        return requests.Count(r => r.Method == Method && RouteOf(r.Path) == Route);
    }

    public override string ToString() => $"{Api} {Method} {Route}";

    private static string RouteOf(string path)
    {
        var segments = path.Split('/');
        var id = Array.FindIndex(segments, s => Guid.TryParse(s, out _));
        return id < 0 ? path : string.Join('/', segments[..id]) + "/*";
    }
}
