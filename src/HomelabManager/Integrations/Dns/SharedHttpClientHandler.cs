namespace HomelabManager.Integrations.Dns;

/// <summary>
/// Lets an <see cref="Clients.Http.ApiHttpClient"/> send through the shared <see cref="HttpClient"/> handed to
/// <see cref="IExternalActionsProvider.CreateExternalActions"/>: each attempt is copied into a fresh message (an
/// <see cref="HttpClient"/> refuses to send a message twice). The shared client is not disposed.
/// </summary>
internal sealed class SharedHttpClientHandler(HttpClient http) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (request.Content is { } content)
        {
            copy.Content = new ByteArrayContent(await content.ReadAsByteArrayAsync(cancellationToken));
            foreach (var (name, values) in content.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return await http.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
