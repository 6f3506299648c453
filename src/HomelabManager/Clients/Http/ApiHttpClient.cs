using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Retry;

namespace HomelabManager.Clients.Http;

/// <summary>
/// The transport every API client shares: base address, token header, TLS, bounded retries (Polly),
/// per-attempt timeouts on the injected clock, redacted traces and typed errors.
/// </summary>
internal sealed class ApiHttpClient : IDisposable
{
    private static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("homelab-manager.request");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<ApiResponse> _pipeline;
    private readonly ApiClientOptions _options;
    private readonly ApiErrorPolicy _errors;
    private readonly string _baseAddress;

    public ApiHttpClient(ApiEndpoint endpoint, ApiClientOptions options, ApiErrorPolicy errors)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        Endpoint = endpoint;
        _options = options;
        _errors = errors;
        Redactor = new SecretRedactor(endpoint.Token);
        _baseAddress = endpoint.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _http = options.Handler is null
            ? new HttpClient(ApiHttpHandlerFactory.Create(endpoint.Tls), disposeHandler: true)
            : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _pipeline = BuildPipeline(options);
    }

    /// <summary>Where this client connects.</summary>
    public ApiEndpoint Endpoint { get; }

    /// <summary>Masks this connection's token.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>The clock of this client.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Sends with retries and returns the buffered response; throws <see cref="ApiException"/> on failure.</summary>
    public Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, streaming: false, cancellationToken);

    /// <summary>
    /// Like <see cref="SendAsync"/> but returns as soon as the headers of a successful response arrive;
    /// the caller reads (and disposes) the body stream. Retries cover only the time before the headers.
    /// </summary>
    public Task<ApiResponse> SendStreamingAsync(ApiRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync(request, streaming: true, cancellationToken);

    /// <summary>Sends and deserializes the JSON body with a source-generated type.</summary>
    public async Task<T> SendJsonAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        return ReadJson(request, response, type);
    }

    /// <summary>Deserializes a buffered body; a body that does not fit the contract is an <see cref="ApiErrorKind.InvalidResponse"/>.</summary>
    public T ReadJson<T>(ApiRequest request, ApiResponse response, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var value = JsonSerializer.Deserialize(response.Body ?? [], type);
            return value ?? throw new JsonException("the body is the JSON literal null");
        }
        catch (JsonException exception)
        {
            throw Invalid(request, $"unexpected JSON ({exception.Message})", (int)response.StatusCode);
        }
    }

    /// <summary>An <see cref="ApiErrorKind.InvalidResponse"/> error for <paramref name="request"/>.</summary>
    public ApiException Invalid(ApiRequest request, string message, int? statusCode = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiException(
            Endpoint.Api,
            request.Method.Method,
            Redactor.Redact(request.PathAndQuery),
            ApiErrorKind.InvalidResponse,
            statusCode,
            Redactor.Redact(message),
            isUserError: false,
            attempts: 1);
    }

    /// <summary>Writes one redacted trace line (no-op without <c>-v</c>).</summary>
    public void Trace(string line) => _options.Trace?.Invoke(Redactor.Redact(line));

    public void Dispose() => _http.Dispose();

    private async Task<ApiResponse> SendCoreAsync(ApiRequest request, bool streaming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        var call = new Call(this, request, streaming);
        Outcome<ApiResponse> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Client.AttemptAsync(state, ctx.CancellationToken),
                context,
                call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw exception;
            }

            throw Failure(request, exception, call.Attempts);
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (response.Message.IsSuccessStatusCode
            || request.AcceptedStatusCodes?.Contains(status) == true
            || request.PassThroughStatusCodes?.Contains(status) == true)
        {
            return response;
        }

        using (response)
        {
            throw StatusError(request, response, call.Attempts);
        }
    }

    /// <summary>The typed error for an error status (used directly for a passed-through status the caller did not expect).</summary>
    public ApiException StatusError(ApiRequest request, ApiResponse response, int attempts = 1)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var message = Redactor.Redact(_errors.ReadMessage(status, response.BodyText));
        return new ApiException(
            Endpoint.Api,
            request.Method.Method,
            Redactor.Redact(request.PathAndQuery),
            ApiErrorKind.HttpStatus,
            status,
            message,
            _errors.IsUserError(status, message),
            attempts);
    }

    private async ValueTask<Outcome<ApiResponse>> AttemptAsync(Call call, CancellationToken cancellationToken)
    {
        call.Attempts++;
        var request = call.Request;
        var timeout = _options.Retry.AttemptTimeout == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : _options.Retry.AttemptTimeout + request.ExtraTimeout;
        using var timeoutSource = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var message = BuildMessage(request);
        var started = _options.TimeProvider.GetTimestamp();
        Trace($"{Endpoint.Api} → {request.Method} {message.RequestUri}{(request.Body is null ? string.Empty : $" ({request.Body.Length} bytes)")}");

        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            byte[]? body = null;
            if (!call.Streaming || !response.IsSuccessStatusCode)
            {
                body = await response.Content.ReadAsByteArrayAsync(linked.Token);
            }

            var elapsed = _options.TimeProvider.GetElapsedTime(started);
            Trace($"{Endpoint.Api} ← {(int)response.StatusCode} {request.Method} {request.PathAndQuery} in {elapsed.TotalMilliseconds:0} ms");
            return Outcome.FromResult(new ApiResponse(response, body));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            response?.Dispose();
            var exception = new AttemptTimeoutException(timeout);
            Trace($"{Endpoint.Api} ✗ {request.Method} {request.PathAndQuery}: {exception.Message}");
            return Outcome.FromException<ApiResponse>(exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response?.Dispose();
            Trace($"{Endpoint.Api} ✗ {request.Method} {request.PathAndQuery}: {exception.Message}");
            return Outcome.FromException<ApiResponse>(exception);
        }
    }

    private HttpRequestMessage BuildMessage(ApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_baseAddress + request.PathAndQuery, UriKind.Absolute))
        {
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (!string.IsNullOrEmpty(Endpoint.Token))
        {
            message.Headers.TryAddWithoutValidation(Endpoint.TokenHeader, Endpoint.Token);
        }

        foreach (var (name, value) in Endpoint.DefaultHeaders)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }

        return message;
    }

    private ApiException Failure(ApiRequest request, Exception exception, int attempts)
    {
        var kind = exception is AttemptTimeoutException ? ApiErrorKind.Timeout : ApiErrorKind.Connection;
        var reason = exception is HttpRequestException { InnerException: { } inner } http
            ? $"{http.Message} ({inner.Message})"
            : exception.Message;
        return new ApiException(
            Endpoint.Api,
            request.Method.Method,
            Redactor.Redact(request.PathAndQuery),
            kind,
            statusCode: null,
            Redactor.Redact($"{reason} [{Endpoint.BaseAddress}]"),
            isUserError: false,
            attempts);
    }

    private ResiliencePipeline<ApiResponse> BuildPipeline(ApiClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = options.TimeProvider };
        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ApiResponse>
            {
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(RequestKey, out var request)
                    && (TransientFailure.ShouldRetry(args.Outcome, request) || IsThrottled(args.Outcome))),
                DelayGenerator = args =>
                {
                    var after = TransientFailure.RetryAfter(args.Outcome, options.TimeProvider);
                    return ValueTask.FromResult(after is { } wait && wait > retry.MaxDelay ? retry.MaxDelay : after);
                },
                OnRetry = args =>
                {
                    var why = args.Outcome.Exception is { } exception
                        ? exception.Message
                        : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    var path = args.Context.Properties.TryGetValue(RequestKey, out var request) ? $"{request.Method} {request.PathAndQuery}" : "request";
                    Trace(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Endpoint.Api} retry {args.AttemptNumber + 1}/{retry.MaxRetryAttempts} of {path} in {args.RetryDelay.TotalMilliseconds:0} ms after {why}"));
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private bool IsThrottled(Outcome<ApiResponse> outcome) =>
        _errors.IsThrottled is { } throttled
        && outcome.Result is { } response
        && !response.Message.IsSuccessStatusCode
        && throttled((int)response.StatusCode, response.BodyText);

    private sealed class Call(ApiHttpClient client, ApiRequest request, bool streaming)
    {
        public ApiHttpClient Client { get; } = client;

        public ApiRequest Request { get; } = request;

        public bool Streaming { get; } = streaming;

        public int Attempts { get; set; }
    }
}
