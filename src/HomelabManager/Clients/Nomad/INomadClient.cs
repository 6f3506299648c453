using HomelabManager.Jobs.Api;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// The Nomad HTTP API as the homelab commands use it. Failures throw
/// <see cref="Http.ApiException"/>; "not found" on single-object reads is null instead.
/// </summary>
internal interface INomadClient
{
    /// <summary>
    /// <c>PUT /v1/jobs</c>. With <see cref="NomadJobRegisterRequest.EnforceIndex"/> the register is a
    /// check-and-set on <see cref="NomadJobRegisterRequest.JobModifyIndex"/> (0 = only if new) and is
    /// retried on transient failures; without it, it is sent once.
    /// </summary>
    Task<NomadJobRegisterResponse> RegisterJobAsync(NomadJobRegisterRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/job/:id/plan</c>: what a register would change; changes nothing.</summary>
    Task<NomadJobPlanResponse> PlanJobAsync(NomadJob job, bool diff = true, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/jobs</c> (sorted by ID). With <paramref name="includeMeta"/> each stub carries its Meta.</summary>
    Task<NomadQueryResult<IReadOnlyList<NomadJobListStub>>> ListJobsAsync(
        string? prefix = null, bool includeMeta = true, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/job/:id</c>; null when the job does not exist.</summary>
    Task<NomadQueryResult<NomadJobDetail>?> ReadJobAsync(string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v1/job/:id?purge=</c>: stop (the job stays readable, <c>Stop: true</c>) or purge. Sent once.</summary>
    Task<NomadJobDeregisterResponse> StopJobAsync(string jobId, bool purge = false, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/evaluation/:id</c>; null when unknown.</summary>
    Task<NomadEvaluation?> ReadEvaluationAsync(string evaluationId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/job/:id/deployments</c>, newest first.</summary>
    Task<NomadQueryResult<IReadOnlyList<NomadDeployment>>> ListJobDeploymentsAsync(
        string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/job/:id/deployment</c>: the latest deployment, or a null value when the job has none.</summary>
    Task<NomadQueryResult<NomadDeployment?>> ReadLatestDeploymentAsync(
        string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/deployment/:id</c>; null when unknown.</summary>
    Task<NomadQueryResult<NomadDeployment>?> ReadDeploymentAsync(
        string deploymentId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/job/:id/allocations</c> (<paramref name="all"/> includes earlier jobs with the same ID).</summary>
    Task<NomadQueryResult<IReadOnlyList<NomadAllocationStub>>> ListJobAllocationsAsync(
        string jobId, bool all = false, NomadQueryOptions? query = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/allocation/:id</c>; null when unknown.</summary>
    Task<NomadAllocation?> ReadAllocationAsync(string allocationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/client/fs/logs/:alloc_id</c> with <c>plain=false</c>: the data frames (heartbeats skipped)
    /// until the stream ends (never, with follow) or the token is cancelled.
    /// </summary>
    IAsyncEnumerable<NomadLogFrame> StreamLogsAsync(NomadLogRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/client/allocation/:id/stats</c>.</summary>
    Task<NomadAllocResourceUsage> ReadAllocationStatsAsync(string allocationId, string? task = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/volume/host/create</c>: create (or update, when an ID is given) a dynamic host volume. Sent once.</summary>
    Task<NomadHostVolumeCreateResponse> CreateHostVolumeAsync(NomadHostVolume volume, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/volumes?type=host</c>.</summary>
    Task<IReadOnlyList<NomadHostVolumeStub>> ListHostVolumesAsync(string? nodePool = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/volume/host/:id</c>; null when unknown.</summary>
    Task<NomadHostVolume?> ReadHostVolumeAsync(string volumeId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/nodes</c>: every client node with its drivers' health (needs <c>node:read</c>).</summary>
    Task<IReadOnlyList<NomadNodeListStub>> ListNodesAsync(CancellationToken cancellationToken = default);
    /// <summary><c>DELETE /v1/volume/host/:id</c>: delete a dynamic host volume (its data is gone). Sent once.</summary>
    Task DeleteHostVolumeAsync(string volumeId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/agent/self</c> (needs <c>agent:read</c>).</summary>
    Task<NomadAgentSelf> ReadAgentSelfAsync(CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/status/leader</c>: the leader's RPC address.</summary>
    Task<string> ReadLeaderAsync(CancellationToken cancellationToken = default);
}
