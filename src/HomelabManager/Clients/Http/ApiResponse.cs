using System.Net;
using System.Text;

namespace HomelabManager.Clients.Http;

/// <summary>An HTTP answer. Buffered calls carry the body in <see cref="Body"/>; streaming calls leave it in <see cref="Message"/>.</summary>
internal sealed class ApiResponse : IDisposable
{
    public ApiResponse(HttpResponseMessage message, byte[]? body)
    {
        Message = message;
        Body = body;
    }

    /// <summary>The underlying response (headers; the content stream for streaming calls).</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>The whole body for buffered calls, else null.</summary>
    public byte[]? Body { get; }

    /// <summary>Status code.</summary>
    public HttpStatusCode StatusCode => Message.StatusCode;

    /// <summary>The body as UTF-8 text (empty when there is none).</summary>
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    /// <summary>A response or content header value, or null.</summary>
    public string? Header(string name)
    {
        if (Message.Headers.TryGetValues(name, out var values))
        {
            return values.FirstOrDefault();
        }

        return Message.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault() : null;
    }

    public void Dispose() => Message.Dispose();
}
