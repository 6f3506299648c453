namespace HomelabManager.Clients.Http;

/// <summary>One HTTP call, described before it is sent (it may be sent several times).</summary>
internal sealed record ApiRequest
{
    public ApiRequest(HttpMethod method, string pathAndQuery)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
    }

    /// <summary>HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Path under the base address, starting with <c>/v1/</c>, query included.</summary>
    public string PathAndQuery { get; }

    /// <summary>Request body (UTF-8 JSON unless <see cref="ContentType"/> says otherwise), or null.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>
    /// True when sending the request twice has the same effect as once (reads, plans, check-and-set
    /// writes). Only idempotent requests are retried after a failure that may have reached the server;
    /// every request is retried when the server provably did not process it (connection refused, 429).
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>Added to the attempt timeout (the <c>wait</c> of a blocking query).</summary>
    public TimeSpan ExtraTimeout { get; init; }

    /// <summary>Non-2xx statuses that still carry a normal answer (Vault <c>sys/health</c> uses 429, 472, 473, 501, 503).</summary>
    public IReadOnlySet<int>? AcceptedStatusCodes { get; init; }

    /// <summary>Statuses that are returned to the caller instead of thrown (e.g. 404 meaning "no such job").</summary>
    public IReadOnlySet<int>? PassThroughStatusCodes { get; init; }
}
