namespace HomelabManager.Clients.Aws;

/// <summary>
/// Signs every outgoing request (each retry again, with a fresh <c>X-Amz-Date</c> from the injected clock).
/// Signs <c>Host</c>, <c>Content-Type</c> and the <c>X-Amz-*</c> headers; the payload is buffered to hash it.
/// </summary>
internal sealed class SigV4SigningHandler : DelegatingHandler
{
    private readonly AwsCredentials _credentials;
    private readonly SigV4Scope _scope;
    private readonly TimeProvider _time;
    private readonly bool _disposeInner;

    /// <param name="inner">Sends the signed request.</param>
    /// <param name="credentials">Who signs.</param>
    /// <param name="scope">Region, service and canonicalisation switches.</param>
    /// <param name="time">The clock for <c>X-Amz-Date</c>.</param>
    /// <param name="disposeInner">False when <paramref name="inner"/> belongs to someone else.</param>
    public SigV4SigningHandler(HttpMessageHandler inner, AwsCredentials credentials, SigV4Scope scope, TimeProvider time, bool disposeInner = true)
        : base(inner)
    {
        _disposeInner = disposeInner;
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("a signed request needs an absolute URI");
        foreach (var name in (string[])[SigV4Signer.AuthorizationHeader, SigV4Signer.DateHeader, SigV4Signer.SecurityTokenHeader, SigV4Signer.ContentSha256Header])
        {
            request.Headers.Remove(name);
        }

        request.Headers.Host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var headers = new List<KeyValuePair<string, string>> { new("host", request.Headers.Host) };
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }
        }

        byte[] body = [];
        if (request.Content is { } content)
        {
            body = await content.ReadAsByteArrayAsync(cancellationToken);
            if (content.Headers.ContentType is { } type)
            {
                headers.Add(new("content-type", type.ToString()));
            }
        }

        var signature = SigV4Signer.Sign(
            new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body),
            _credentials,
            _scope,
            _time.GetUtcNow());
        foreach (var (name, value) in signature.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposeInner)
        {
            base.Dispose(disposing);
        }
    }
}
