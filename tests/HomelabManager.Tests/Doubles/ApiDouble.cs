using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomelabManager.Tests.Doubles;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 (port chosen by the OS) that records every request and
/// injects faults before the endpoints run. Subclasses map the endpoints of one API.
/// </summary>
internal abstract class ApiDouble : IAsyncDisposable
{
    private static readonly string[] TokenHeaders = ["X-Nomad-Token", "X-Consul-Token", "X-Vault-Token", "Authorization"];

    private WebApplication? _app;

    protected ApiDouble(TimeProvider? time)
    {
        Time = time ?? TimeProvider.System;
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>Everything received.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>Faults to inject.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>The double's clock (deployments, timestamps, blocking waits).</summary>
    public TimeProvider Time { get; }

    /// <summary>Starts listening.</summary>
    protected async Task StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use(RecordAndInjectAsync);
        MapEndpoints(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        OnDisposed();
    }

    /// <summary>Writes a plain-text answer without trailing newline (Nomad and Consul error style).</summary>
    internal static Task WriteTextAsync(HttpContext context, int status, string text, string contentType = "text/plain; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, Encoding.UTF8);
    }

    /// <summary>Maps this API's endpoints.</summary>
    protected abstract void MapEndpoints(WebApplication app);

    /// <summary>Called once the server stopped.</summary>
    protected virtual void OnDisposed()
    {
    }

    private async Task RecordAndInjectAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(
            h => h.Key,
            h => TokenHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? "<redacted>" : h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        Requests.Add(new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, headers, body));

        switch (Faults.Take(request.Method, request.Path.Value ?? "/"))
        {
            case StatusFault status:
                if (status.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await WriteTextAsync(context, status.StatusCode, status.Body);
                return;
            case LatencyFault latency:
                try
                {
                    await Task.Delay(latency.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            case DropFault:
                context.Abort();
                return;
        }

        await next(context);
    }
}
