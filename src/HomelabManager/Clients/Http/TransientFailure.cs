using System.Net;
using Polly;

namespace HomelabManager.Clients.Http;

/// <summary>Decides which failed attempts are retried (see <see cref="ApiRequest.Idempotent"/>).</summary>
internal static class TransientFailure
{
    /// <summary>True when the outcome is transient and retrying <paramref name="request"/> is safe.</summary>
    public static bool ShouldRetry(Outcome<ApiResponse> outcome, ApiRequest request)
    {
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                // Nothing reached the server: safe for every request.
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,

                // A TLS failure is configuration, not chance.
                HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,

                // Dropped mid-request or timed out: the server may have acted on it.
                HttpRequestException or IOException or AttemptTimeoutException => request.Idempotent,
                _ => false,
            };
        }

        var status = (int)outcome.Result!.StatusCode;
        if (request.AcceptedStatusCodes?.Contains(status) == true || request.PassThroughStatusCodes?.Contains(status) == true)
        {
            return false;
        }

        return status switch
        {
            (int)HttpStatusCode.TooManyRequests => true,
            (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout => request.Idempotent,
            _ => false,
        };
    }

    /// <summary>The server's <c>Retry-After</c> on a 429/503, or null.</summary>
    public static TimeSpan? RetryAfter(Outcome<ApiResponse> outcome, TimeProvider time)
    {
        if (outcome.Result is not { } response
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Message.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
