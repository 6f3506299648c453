using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Consul;

/// <summary><see cref="IConsulClient"/> over HTTP; JSON only through <see cref="ConsulJsonContext"/>.</summary>
internal sealed class ConsulClient : IConsulClient, IDisposable
{
    private readonly ApiHttpClient _http;
    private readonly ConsulJsonContext _json = ConsulJsonContext.Default;

    public ConsulClient(ConsulSettings settings, ApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new ApiHttpClient(settings.ToEndpoint(), options ?? ApiClientOptions.Default, ApiErrorPolicy.PlainText);
    }

    /// <summary>A client configured from flags and <c>CONSUL_HTTP_*</c> variables.</summary>
    public static ConsulClient FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null, ApiClientOptions? options = null) =>
        new(ConsulSettings.FromEnvironment(environment, flags), options);

    public async Task<ConsulQueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ListServicesAsync(
        ConsulQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        var result = await QueryAsync(new QueryString("/v1/catalog/services"), query, _json.DictionaryStringListString, cancellationToken);
        var services = result.Value.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
        return new ConsulQueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(services, result.Index, result.KnownLeader);
    }

    public async Task<ConsulQueryResult<IReadOnlyList<ConsulCatalogService>>> ListServiceInstancesAsync(
        string service, ConsulQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var result = await QueryAsync(new QueryString($"/v1/catalog/service/{QueryString.Segment(service)}"), query, _json.ListConsulCatalogService, cancellationToken);
        return new ConsulQueryResult<IReadOnlyList<ConsulCatalogService>>(result.Value, result.Index, result.KnownLeader);
    }

    public async Task<ConsulQueryResult<IReadOnlyList<ConsulHealthEntry>>> ListServiceHealthAsync(
        string service, bool passingOnly = false, ConsulQueryOptions? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var path = new QueryString($"/v1/health/service/{QueryString.Segment(service)}").Add("passing", passingOnly ? true : null);
        var result = await QueryAsync(path, query, _json.ListConsulHealthEntry, cancellationToken);
        return new ConsulQueryResult<IReadOnlyList<ConsulHealthEntry>>(result.Value, result.Index, result.KnownLeader);
    }

    public async Task<ConsulAgentSelf> ReadAgentSelfAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync(new QueryString("/v1/agent/self"), null, _json.ConsulAgentSelf, cancellationToken)).Value;

    public async Task<string> ReadLeaderAsync(CancellationToken cancellationToken = default) =>
        (await QueryAsync(new QueryString("/v1/status/leader"), null, _json.String, cancellationToken)).Value;

    public void Dispose() => _http.Dispose();

    private async Task<ConsulQueryResult<T>> QueryAsync<T>(QueryString path, ConsulQueryOptions? query, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var extra = TimeSpan.Zero;
        if (query is { Index: > 0 })
        {
            path.Add("index", query.Index).Add("wait", query.WaitText);
            var wait = query.Wait ?? TimeSpan.FromMinutes(5);
            extra = wait + (wait / 16) + TimeSpan.FromSeconds(5);
        }

        var request = new ApiRequest(HttpMethod.Get, path.ToString()) { Idempotent = true, ExtraTimeout = extra };
        using var response = await _http.SendAsync(request, cancellationToken);
        var value = _http.ReadJson(request, response, type);

        // Clients must treat an index below 1 as 1.
        var index = ulong.TryParse(response.Header("X-Consul-Index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i > 0 ? i : 1;
        var knownLeader = string.Equals(response.Header("X-Consul-Knownleader"), "true", StringComparison.Ordinal);
        return new ConsulQueryResult<T>(value, index, knownLeader);
    }
}
