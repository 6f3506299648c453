using HomelabManager.Clients.Aws;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Route53;

/// <summary>
/// The Route 53 REST-XML calls the <c>route53</c> dns provider needs, each signed with SigV4 (us-east-1, route53)
/// per attempt: hosted zone by name, ListResourceRecordSets (all pages), ChangeResourceRecordSets.
/// </summary>
/// <remarks>
/// Retries: reads and all-UPSERT batches are retried on transient failures; a batch with CREATE/DELETE only when the
/// server provably did not see it (a repeated CREATE would fail with InvalidChangeBatch). Route 53 throttles with
/// HTTP 400 <c>Throttling</c> or <c>PriorRequestNotComplete</c>: the request was not acted on, so every request is
/// retried after those (other 400s are the caller's error and are not).
/// </remarks>
internal sealed class Route53Client : IDisposable
{
    private const string Version = "/2013-04-01";

    /// <summary>
    /// Route 53's own retry defaults: it allows about five requests per second per account and answers throttling
    /// with a 400 and no <c>Retry-After</c>, so backoff starts at half a second, grows to 20 s, and gives up after 5 retries.
    /// </summary>
    public static ApiRetryOptions DefaultRetry { get; } = new()
    {
        MaxRetryAttempts = 5,
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(20),
    };

    private readonly ApiHttpClient _http;
    private readonly SigV4SigningHandler _signer;

    public Route53Client(Route53Settings settings, ApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= ApiClientOptions.Default with { Retry = DefaultRetry };
        var ownsInner = options.Handler is null;
        var inner = options.Handler ?? ApiHttpHandlerFactory.Create(ApiTlsSettings.Default);
        _signer = new SigV4SigningHandler(inner, settings.Credentials, SigV4Scope.Route53, options.TimeProvider, disposeInner: ownsInner);
        var endpoint = new ApiEndpoint("Route 53", settings.Endpoint, "Authorization", null, ApiTlsSettings.Default);
        _http = new ApiHttpClient(endpoint, options with { Handler = _signer }, Route53Errors.Policy(settings.Credentials));
    }

    /// <summary>The bare id (<c>Z…</c>) of the hosted zone named <paramref name="zone"/>, or null.</summary>
    public async Task<string?> FindHostedZoneIdAsync(string zone, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(zone);
        var name = zone.TrimEnd('.').ToLowerInvariant() + ".";
        var request = new ApiRequest(HttpMethod.Get, new QueryString(Version + "/hostedzonesbyname").Add("dnsname", name).Add("maxitems", "1").ToString()) { Idempotent = true };
        var document = await ReadXmlAsync(request, cancellationToken);
        var ns = Route53Xml.Ns;
        var found = document.Root?.Element(ns + "HostedZones")?.Elements(ns + "HostedZone")
            .FirstOrDefault(z => string.Equals((string?)z.Element(ns + "Name"), name, StringComparison.OrdinalIgnoreCase));
        return found is null ? null : BareId((string?)found.Element(ns + "Id") ?? string.Empty);
    }

    /// <summary><c>GetHostedZone</c>: the zone's name (with trailing dot); throws <c>NoSuchHostedZone</c> (404) when unknown.</summary>
    public async Task<string> GetHostedZoneNameAsync(string hostedZoneId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        var request = new ApiRequest(HttpMethod.Get, $"{Version}/hostedzone/{QueryString.Segment(BareId(hostedZoneId))}") { Idempotent = true };
        var document = await ReadXmlAsync(request, cancellationToken);
        var ns = Route53Xml.Ns;
        return (string?)document.Root?.Element(ns + "HostedZone")?.Element(ns + "Name")
            ?? throw _http.Invalid(request, "not a GetHostedZoneResponse");
    }

    /// <summary>Every record set of the zone (following <c>NextRecordName</c>/<c>Type</c>/<c>Identifier</c>).</summary>
    public async Task<IReadOnlyList<Route53RecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        var sets = new List<Route53RecordSet>();
        (string Name, string? Type, string? Identifier)? cursor = null;
        for (var page = 0; ; page++)
        {
            var (found, next) = await ReadPageAsync(hostedZoneId, cursor, 300, cancellationToken);
            sets.AddRange(found);
            if (next is null)
            {
                return sets;
            }

            if (page >= 10_000 || next == cursor)
            {
                throw _http.Invalid(new ApiRequest(HttpMethod.Get, $"{Version}/hostedzone/{QueryString.Segment(BareId(hostedZoneId))}/rrset"), "the record list does not advance");
            }

            cursor = next;
        }
    }

    /// <summary>The first <paramref name="maxItems"/> record sets of the zone (one request; <c>doctor</c> uses it as a probe).</summary>
    public async Task<IReadOnlyList<Route53RecordSet>> ListFirstResourceRecordSetsAsync(string hostedZoneId, int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        return (await ReadPageAsync(hostedZoneId, null, maxItems, cancellationToken)).Sets;
    }

    /// <summary>Sends one change batch (all or nothing).</summary>
    public async Task<Route53ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<Route53Change> changes, string? comment = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostedZoneId);
        ArgumentNullException.ThrowIfNull(changes);
        var request = new ApiRequest(HttpMethod.Post, $"{Version}/hostedzone/{QueryString.Segment(BareId(hostedZoneId))}/rrset/")
        {
            Body = Route53Xml.ChangeRequest(changes, comment),
            ContentType = "application/xml",
            Idempotent = changes.All(c => c.Action == Route53Action.Upsert),
        };
        var document = await ReadXmlAsync(request, cancellationToken);
        try
        {
            return Route53Xml.ChangeInfo(document);
        }
        catch (FormatException e)
        {
            throw _http.Invalid(request, e.Message);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _signer.Dispose();
    }

    /// <summary><c>/hostedzone/Z1</c> → <c>Z1</c> (request paths take the bare id).</summary>
    public static string BareId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? id["/hostedzone/".Length..] : id;
    }

    private async Task<(IReadOnlyList<Route53RecordSet> Sets, (string Name, string? Type, string? Identifier)? Next)> ReadPageAsync(
        string hostedZoneId, (string Name, string? Type, string? Identifier)? cursor, int maxItems, CancellationToken cancellationToken)
    {
        var query = new QueryString($"{Version}/hostedzone/{QueryString.Segment(BareId(hostedZoneId))}/rrset")
            .Add("name", cursor?.Name).Add("type", cursor?.Type).Add("identifier", cursor?.Identifier)
            .Add("maxitems", maxItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var request = new ApiRequest(HttpMethod.Get, query.ToString()) { Idempotent = true };
        var document = await ReadXmlAsync(request, cancellationToken);
        try
        {
            return Route53Xml.ListResponse(document);
        }
        catch (FormatException e)
        {
            throw _http.Invalid(request, e.Message);
        }
    }

    private async Task<System.Xml.Linq.XDocument> ReadXmlAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken);
        return Route53Xml.TryParse(response.BodyText) ?? throw _http.Invalid(request, "the answer is not XML", (int)response.StatusCode);
    }
}
