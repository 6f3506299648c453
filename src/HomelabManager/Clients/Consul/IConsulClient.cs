namespace HomelabManager.Clients.Consul;

/// <summary>The Consul HTTP API as the homelab commands use it (all reads, all retried on transient failures).</summary>
internal interface IConsulClient
{
    /// <summary><c>GET /v1/catalog/services</c>: service name → every tag seen on any instance.</summary>
    Task<ConsulQueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ListServicesAsync(
        ConsulQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/catalog/service/:name</c>: the instances (empty for an unknown service).</summary>
    Task<ConsulQueryResult<IReadOnlyList<ConsulCatalogService>>> ListServiceInstancesAsync(
        string service, ConsulQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/health/service/:name</c>; <paramref name="passingOnly"/> drops instances with any non-passing check.</summary>
    Task<ConsulQueryResult<IReadOnlyList<ConsulHealthEntry>>> ListServiceHealthAsync(
        string service, bool passingOnly = false, ConsulQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/agent/self</c>.</summary>
    Task<ConsulAgentSelf> ReadAgentSelfAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/status/leader</c>: the leader's address, <c>""</c> when there is none.</summary>
    Task<string> ReadLeaderAsync(CancellationToken cancellationToken = default);
}
