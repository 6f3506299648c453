using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>
/// The Cloudflare v4 DNS calls the <c>cloudflare</c> dns provider needs: token check, zone lookup, paginated record
/// list, create, partial update (PATCH) and delete; the tunnel configuration calls are in <c>CloudflareClient.Tunnel.cs</c>.
/// JSON only through <see cref="CloudflareJsonContext"/>.
/// </summary>
/// <remarks>
/// Retries: reads, PATCH (same fields twice is the same record) and DELETE (an already deleted record — code 81044 —
/// counts as deleted) are retried on transient failures; a POST is retried only when the server provably did not
/// see it (429, connection refused), so a create is never doubled.
/// </remarks>
internal sealed partial class CloudflareClient : IDisposable
{
    /// <summary>Records per list page.</summary>
    public const int PageSize = 100;

    private static readonly HashSet<int> NotFound = [404];

    /// <summary>
    /// Cloudflare's own retry defaults: the API allows 1200 requests per 5 minutes per user and answers 429 with a
    /// <c>Retry-After</c>, which is honoured up to a minute; at most 4 retries, so a command never waits more than a
    /// few minutes on a rate limit.
    /// </summary>
    public static ApiRetryOptions DefaultRetry { get; } = new()
    {
        MaxRetryAttempts = 4,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromMinutes(1),
    };

    private readonly ApiHttpClient _http;
    private readonly CloudflareJsonContext _json = CloudflareJsonContext.Default;

    public CloudflareClient(CloudflareSettings settings, ApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new ApiHttpClient(settings.ToEndpoint(), options ?? ApiClientOptions.Default with { Retry = DefaultRetry }, CloudflareErrors.Policy);
    }

    /// <summary><c>GET /user/tokens/verify</c>: the token's id and status (<c>active</c>, <c>disabled</c> or <c>expired</c>).</summary>
    public async Task<CloudflareTokenStatus> VerifyTokenAsync(CancellationToken cancellationToken = default)
    {
        var request = Get("/user/tokens/verify");
        var envelope = await SendAsync(request, _json.CloudflareEnvelopeCloudflareTokenStatus, cancellationToken);
        return envelope.Result ?? throw _http.Invalid(request, "the answer has no result");
    }

    /// <summary>The zone named <paramref name="name"/>, or null when the token sees no such zone.</summary>
    public async Task<CloudflareZone?> FindZoneAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var request = Get(new QueryString("/zones").Add("name", name).ToString());
        var zones = await SendAsync(request, _json.CloudflareEnvelopeListCloudflareZone, cancellationToken);
        return zones.Result?.FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every DNS record of the zone, following pages until the last (or an empty page).</summary>
    public async Task<IReadOnlyList<CloudflareDnsRecord>> ListDnsRecordsAsync(string zoneId, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        var records = new List<CloudflareDnsRecord>();
        for (var page = 1; ; page++)
        {
            var request = Get(new QueryString(RecordsPath(zoneId)).Add("page", (ulong)page).Add("per_page", (ulong)pageSize).ToString());
            var envelope = await SendAsync(request, _json.CloudflareEnvelopeListCloudflareDnsRecord, cancellationToken);
            var result = envelope.Result ?? throw _http.Invalid(request, "the record list has no result");
            records.AddRange(result);
            var totalPages = envelope.ResultInfo is { } info
                ? info.TotalPages > 0 ? info.TotalPages : (int)Math.Ceiling(info.TotalCount / (double)Math.Max(1, info.PerPage))
                : page;
            if (result.Count == 0 || page >= totalPages)
            {
                return records;
            }

            if (page >= 10_000)
            {
                throw _http.Invalid(request, "the record list does not end");
            }
        }
    }

    /// <summary>Creates a record (POST). Fails with code 81057/81058 when it exists.</summary>
    public Task<CloudflareDnsRecord> CreateDnsRecordAsync(string zoneId, CloudflareDnsRecordRequest record, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        ArgumentNullException.ThrowIfNull(record);
        return SendRecordAsync(new ApiRequest(HttpMethod.Post, RecordsPath(zoneId)) { Body = Serialize(record) }, cancellationToken);
    }

    /// <summary>Changes only the given fields of a record (PATCH).</summary>
    public Task<CloudflareDnsRecord> UpdateDnsRecordAsync(string zoneId, string recordId, CloudflareDnsRecordRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        ArgumentNullException.ThrowIfNull(changes);
        return SendRecordAsync(new ApiRequest(HttpMethod.Patch, RecordPath(zoneId, recordId)) { Body = Serialize(changes), Idempotent = true }, cancellationToken);
    }

    /// <summary>Deletes a record; true when deleted now, false when it was already gone (code 81044).</summary>
    public async Task<bool> DeleteDnsRecordAsync(string zoneId, string recordId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zoneId);
        ArgumentException.ThrowIfNullOrEmpty(recordId);
        var request = new ApiRequest(HttpMethod.Delete, RecordPath(zoneId, recordId)) { Idempotent = true, PassThroughStatusCodes = NotFound };
        using var response = await _http.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode == 404)
        {
            return CloudflareErrors.Codes(response.BodyText).Contains(CloudflareErrors.RecordDoesNotExist)
                ? false
                : throw _http.StatusError(request, response);
        }

        Check(request, _http.ReadJson(request, response, _json.CloudflareEnvelopeCloudflareDeleted));
        return true;
    }

    public void Dispose() => _http.Dispose();

    private static string RecordsPath(string zoneId) => $"/zones/{QueryString.Segment(zoneId)}/dns_records";

    private static string RecordPath(string zoneId, string recordId) => $"{RecordsPath(zoneId)}/{QueryString.Segment(recordId)}";

    private static ApiRequest Get(string path) => new(HttpMethod.Get, path) { Idempotent = true };

    private byte[] Serialize(CloudflareDnsRecordRequest record) => JsonSerializer.SerializeToUtf8Bytes(record, _json.CloudflareDnsRecordRequest);

    private async Task<CloudflareDnsRecord> SendRecordAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var envelope = await SendAsync(request, _json.CloudflareEnvelopeCloudflareDnsRecord, cancellationToken);
        return envelope.Result ?? throw _http.Invalid(request, "the answer has no record");
    }

    private async Task<CloudflareEnvelope<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<CloudflareEnvelope<T>> type, CancellationToken cancellationToken) =>
        Check(request, await _http.SendJsonAsync(request, type, cancellationToken));

    private CloudflareEnvelope<T> Check<T>(ApiRequest request, CloudflareEnvelope<T> envelope) =>
        envelope.Success
            ? envelope
            : throw _http.Invalid(request, "success is false: " + string.Join("; ", (envelope.Errors ?? []).Select(e => $"{e.Message} (code {e.Code})")), 200);
}
