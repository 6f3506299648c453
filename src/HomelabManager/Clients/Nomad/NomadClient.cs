using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HomelabManager.Clients.Http;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// <see cref="INomadClient"/> over HTTP. Namespace and region from the settings go on every request;
/// JSON only through <see cref="NomadJsonContext"/> and the job model's own context.
/// </summary>
/// <remarks>
/// Retries: reads, lists, plans and EnforceIndex registers are idempotent and retried on transient
/// failures. A plain register, a stop/purge and a host volume create are sent once unless the server
/// provably did not see them (connection refused, 429). A retried EnforceIndex register whose first
/// attempt did land fails with an EnforceIndex conflict — callers re-read the job and compare.
/// </remarks>
internal sealed class NomadClient : INomadClient, IDisposable
{
    private static readonly HashSet<int> NotFound = [(int)HttpStatusCode.NotFound];
    private static readonly TimeSpan DefaultBlockingWait = TimeSpan.FromMinutes(5);

    private readonly ApiHttpClient _http;
    private readonly NomadSettings _settings;
    private readonly NomadJsonContext _json = NomadJsonContext.Default;

    public NomadClient(NomadSettings settings, ApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _http = new ApiHttpClient(settings.ToEndpoint(), options ?? ApiClientOptions.Default, NomadErrors.Policy);
    }

    /// <summary>A client configured from flags and <c>NOMAD_*</c> variables.</summary>
    public static NomadClient FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null, ApiClientOptions? options = null) =>
        new(NomadSettings.FromEnvironment(environment, flags), options);

    public async Task<NomadJobRegisterResponse> RegisterJobAsync(NomadJobRegisterRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.UTF8.GetBytes(NomadJobJson.Serialize(request, indented: false));
        var apiRequest = new ApiRequest(HttpMethod.Put, Path("/v1/jobs").ToString())
        {
            Body = body,
            Idempotent = request.EnforceIndex == true,
        };
        return await _http.SendJsonAsync(apiRequest, _json.NomadJobRegisterResponse, cancellationToken);
    }

    public async Task<NomadJobPlanResponse> PlanJobAsync(NomadJob job, bool diff = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var body = JsonSerializer.SerializeToUtf8Bytes(new NomadJobPlanRequest { Job = job, Diff = diff }, _json.NomadJobPlanRequest);
        var request = new ApiRequest(HttpMethod.Put, Path($"/v1/job/{QueryString.Segment(job.Id)}/plan").ToString())
        {
            Body = body,
            Idempotent = true,
        };
        return await _http.SendJsonAsync(request, _json.NomadJobPlanResponse, cancellationToken);
    }

    public async Task<NomadQueryResult<IReadOnlyList<NomadJobListStub>>> ListJobsAsync(
        string? prefix = null, bool includeMeta = true, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        var path = Path("/v1/jobs").Add("prefix", prefix).Add("meta", includeMeta ? true : null);
        var result = await QueryAsync(path, query, _json.ListNomadJobListStub, cancellationToken);
        return Cast<List<NomadJobListStub>, IReadOnlyList<NomadJobListStub>>(result!);
    }

    public Task<NomadQueryResult<NomadJobDetail>?> ReadJobAsync(string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return QueryAsync(Path($"/v1/job/{QueryString.Segment(jobId)}"), query, _json.NomadJobDetail, cancellationToken, notFoundText: "job not found");
    }

    public async Task<NomadJobDeregisterResponse> StopJobAsync(string jobId, bool purge = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var request = new ApiRequest(HttpMethod.Delete, Path($"/v1/job/{QueryString.Segment(jobId)}").Add("purge", purge).ToString());
        return await _http.SendJsonAsync(request, _json.NomadJobDeregisterResponse, cancellationToken);
    }

    public async Task<NomadEvaluation?> ReadEvaluationAsync(string evaluationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(evaluationId);
        var result = await QueryAsync(Path($"/v1/evaluation/{QueryString.Segment(evaluationId)}"), null, _json.NomadEvaluation, cancellationToken, notFoundText: "eval not found");
        return result?.Value;
    }

    public async Task<NomadQueryResult<IReadOnlyList<NomadDeployment>>> ListJobDeploymentsAsync(
        string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var result = await QueryAsync(Path($"/v1/job/{QueryString.Segment(jobId)}/deployments"), query, _json.ListNomadDeployment, cancellationToken);
        return Cast<List<NomadDeployment>, IReadOnlyList<NomadDeployment>>(result!);
    }

    public async Task<NomadQueryResult<NomadDeployment?>> ReadLatestDeploymentAsync(
        string jobId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var request = QueryRequest(Path($"/v1/job/{QueryString.Segment(jobId)}/deployment"), query);
        using var response = await _http.SendAsync(request, cancellationToken);

        // The handler returns a nil pointer when the job has no deployment: the body is `null`.
        var value = IsJsonNull(response.Body) ? null : _http.ReadJson(request, response, _json.NomadDeployment);
        return Meta(response, value);
    }

    public Task<NomadQueryResult<NomadDeployment>?> ReadDeploymentAsync(
        string deploymentId, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(deploymentId);
        return QueryAsync(Path($"/v1/deployment/{QueryString.Segment(deploymentId)}"), query, _json.NomadDeployment, cancellationToken, notFoundText: "deployment not found");
    }

    public async Task<NomadQueryResult<IReadOnlyList<NomadAllocationStub>>> ListJobAllocationsAsync(
        string jobId, bool all = false, NomadQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var path = Path($"/v1/job/{QueryString.Segment(jobId)}/allocations").Add("all", all ? true : null);
        var result = await QueryAsync(path, query, _json.ListNomadAllocationStub, cancellationToken);
        return Cast<List<NomadAllocationStub>, IReadOnlyList<NomadAllocationStub>>(result!);
    }

    public async Task<NomadAllocation?> ReadAllocationAsync(string allocationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(allocationId);
        var result = await QueryAsync(Path($"/v1/allocation/{QueryString.Segment(allocationId)}"), null, _json.NomadAllocation, cancellationToken, notFoundText: "alloc not found");
        return result?.Value;
    }

    public async IAsyncEnumerable<NomadLogFrame> StreamLogsAsync(NomadLogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.AllocationId);
        ArgumentException.ThrowIfNullOrEmpty(request.Task);
        var path = Path($"/v1/client/fs/logs/{QueryString.Segment(request.AllocationId)}")
            .Add("task", request.Task)
            .Add("type", request.Type == NomadLogType.Stderr ? "stderr" : "stdout")
            .Add("follow", request.Follow)
            .Add("origin", request.Origin == NomadLogOrigin.End ? "end" : "start")
            .Add("offset", request.Offset.ToString(CultureInfo.InvariantCulture))
            .Add("plain", false);
        var apiRequest = new ApiRequest(HttpMethod.Get, path.ToString()) { Idempotent = true };
        using var response = await _http.SendStreamingAsync(apiRequest, cancellationToken);
        await using var stream = await response.Message.Content.ReadAsStreamAsync(cancellationToken);
        var frames = NomadFrameReader.ReadAsync(stream, _json.NomadLogFrame, cancellationToken);
        await using var enumerator = frames.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            NomadLogFrame frame;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                frame = enumerator.Current;
            }
            catch (JsonException exception)
            {
                throw _http.Invalid(apiRequest, $"log stream: {exception.Message}", (int)response.StatusCode);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                throw new ApiException(
                    "Nomad", "GET", _http.Redactor.Redact(apiRequest.PathAndQuery), ApiErrorKind.Connection, null,
                    _http.Redactor.Redact($"log stream interrupted: {exception.Message}"), isUserError: false, attempts: 1);
            }

            yield return frame;
        }
    }

    public async Task<NomadAllocResourceUsage> ReadAllocationStatsAsync(string allocationId, string? task = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(allocationId);
        var request = new ApiRequest(HttpMethod.Get, Path($"/v1/client/allocation/{QueryString.Segment(allocationId)}/stats").Add("task", task).ToString())
        {
            Idempotent = true,
        };
        return await _http.SendJsonAsync(request, _json.NomadAllocResourceUsage, cancellationToken);
    }

    public async Task<NomadHostVolumeCreateResponse> CreateHostVolumeAsync(NomadHostVolume volume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var body = JsonSerializer.SerializeToUtf8Bytes(new NomadHostVolumeCreateRequest { Volume = volume }, _json.NomadHostVolumeCreateRequest);
        var request = new ApiRequest(HttpMethod.Put, Path("/v1/volume/host/create").ToString()) { Body = body };
        return await _http.SendJsonAsync(request, _json.NomadHostVolumeCreateResponse, cancellationToken);
    }

    public async Task<IReadOnlyList<NomadHostVolumeStub>> ListHostVolumesAsync(string? nodePool = null, CancellationToken cancellationToken = default)
    {
        var result = await QueryAsync(Path("/v1/volumes").Add("type", "host").Add("node_pool", nodePool), null, _json.ListNomadHostVolumeStub, cancellationToken);
        return result!.Value;
    }

    public async Task<NomadHostVolume?> ReadHostVolumeAsync(string volumeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        var result = await QueryAsync(Path($"/v1/volume/host/{QueryString.Segment(volumeId)}"), null, _json.NomadHostVolume, cancellationToken, notFoundText: "volume not found");
        return result?.Value;
    }

    public async Task<IReadOnlyList<NomadNodeListStub>> ListNodesAsync(CancellationToken cancellationToken = default)
    {
        var result = await QueryAsync(Path("/v1/nodes"), null, _json.ListNomadNodeListStub, cancellationToken);
        return result!.Value;
    }

    public async Task DeleteHostVolumeAsync(string volumeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(volumeId);
        var request = new ApiRequest(HttpMethod.Delete, Path($"/v1/volume/host/{QueryString.Segment(volumeId)}").ToString());
        using var response = await _http.SendAsync(request, cancellationToken);
    }

    public async Task<NomadAgentSelf> ReadAgentSelfAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, Path("/v1/agent/self").ToString()) { Idempotent = true };
        return await _http.SendJsonAsync(request, _json.NomadAgentSelf, cancellationToken);
    }

    public async Task<string> ReadLeaderAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, Path("/v1/status/leader").ToString()) { Idempotent = true };
        return await _http.SendJsonAsync(request, _json.String, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static NomadQueryResult<TOut> Cast<TIn, TOut>(NomadQueryResult<TIn> result)
        where TIn : TOut =>
        new(result.Value, result.Index, result.KnownLeader, result.LastContact);

    private static bool IsJsonNull(byte[]? body) =>
        body is null || body.AsSpan().Trim(" \t\r\n"u8).SequenceEqual("null"u8);

    private static NomadQueryResult<T> Meta<T>(ApiResponse response, T value)
    {
        var index = ulong.TryParse(response.Header("X-Nomad-Index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var knownLeader = string.Equals(response.Header("X-Nomad-Knownleader"), "true", StringComparison.Ordinal);
        var lastContact = long.TryParse(response.Header("X-Nomad-Lastcontact"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero;
        return new NomadQueryResult<T>(value, index, knownLeader, lastContact);
    }

    private async Task<NomadQueryResult<T>?> QueryAsync<T>(
        QueryString path, NomadQueryOptions? query, JsonTypeInfo<T> type, CancellationToken cancellationToken, string? notFoundText = null)
    {
        var request = QueryRequest(path, query, notFoundText is not null);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // Only the endpoint's own "not found" means the object is absent; an empty 404 is an unknown route.
            if (string.Equals(response.BodyText.Trim(), notFoundText, StringComparison.Ordinal))
            {
                return null;
            }

            throw _http.StatusError(request, response);
        }

        return Meta(response, _http.ReadJson(request, response, type));
    }

    private static ApiRequest QueryRequest(QueryString path, NomadQueryOptions? query, bool passNotFound = false)
    {
        var extra = TimeSpan.Zero;
        if (query is { Index: > 0 })
        {
            path.Add("index", query.Index).Add("wait", query.WaitText);

            // The server may hold the request for wait + wait/16 jitter.
            var wait = query.Wait ?? DefaultBlockingWait;
            extra = wait + (wait / 16) + TimeSpan.FromSeconds(5);
        }

        return new ApiRequest(HttpMethod.Get, path.ToString())
        {
            Idempotent = true,
            ExtraTimeout = extra,
            PassThroughStatusCodes = passNotFound ? NotFound : null,
        };
    }

    private QueryString Path(string path) =>
        new QueryString(path).Add("namespace", _settings.Namespace).Add("region", _settings.Region);
}
