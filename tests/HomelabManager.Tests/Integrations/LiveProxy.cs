using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HomelabManager.Tests.Integrations;

/// <summary>A fact skipped (with the reason) when a program is not installed.</summary>
public sealed class RequiresProgramFactAttribute : FactAttribute
{
    public RequiresProgramFactAttribute(string program)
    {
        if (LiveProxy.FindProgram(program) is null)
        {
            Skip = $"'{program}' is not installed (CI installs it through .ci/install-packages; locally: apt-get install {program})";
        }
    }
}

/// <summary>Helpers to run a real proxy on 127.0.0.1 against tiny local backends.</summary>
internal static class LiveProxy
{
    public static string? FindProgram(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin")
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static (int ExitCode, string Output) Run(string program, params string[] arguments)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public static Process Start(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(FindProgram(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
    }

    public static void WaitForPort(int port, Process process, Func<string> describe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the proxy exited with {process.ExitCode}: {describe()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"nothing listens on 127.0.0.1:{port}: {describe()}");
    }

    public static HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, int port, string host, string path = "/", string? authHeader = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
        request.Headers.Host = host;
        request.Headers.Accept.ParseAdd("text/html");
        if (authHeader is not null)
        {
            request.Headers.Add("X-Test-Auth", authHeader);
        }

        return await client.SendAsync(request);
    }
}

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (port chosen by the OS). As a service backend it answers
/// <c>backend=&lt;name&gt; host=… remote-user=…</c>; as an auth server it answers 200 with <c>Remote-User: alice</c> when the
/// request carries <c>X-Test-Auth: ok</c>, else 401 (auth-request) or a 302 to the portal (forward-auth).
/// </summary>
internal sealed class TestBackend : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _name;

    public TestBackend(string name)
    {
        _name = name;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync() ?? string.Empty;
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string? line;
                while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                    }
                }

                var path = requestLine.Split(' ').ElementAtOrDefault(1) ?? "/";
                var (status, extra, body) = Answer(path, headers);
                var response = new StringBuilder()
                    .Append("HTTP/1.1 ").Append(status).Append("\r\n")
                    .Append("Content-Type: text/plain\r\nConnection: close\r\n")
                    .Append(extra)
                    .Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n")
                    .Append(body);
                var bytes = Encoding.UTF8.GetBytes(response.ToString());
                await stream.WriteAsync(bytes);
            }
            catch (IOException)
            {
            }
        }
    }

    private (string Status, string Headers, string Body) Answer(string path, Dictionary<string, string> headers)
    {
        var authorized = headers.TryGetValue("X-Test-Auth", out var auth) && auth == "ok";
        if (path.StartsWith("/api/authz/", StringComparison.Ordinal))
        {
            if (authorized)
            {
                return ("200 OK", "Remote-User: alice\r\nRemote-Groups: admins\r\n", "ok");
            }

            return path.StartsWith("/api/authz/auth-request", StringComparison.Ordinal)
                ? ("401 Unauthorized", string.Empty, "unauthorized")
                : ("302 Found", "Location: https://auth.home.example.com/?rd=original\r\n", "sign in");
        }

        headers.TryGetValue("Host", out var host);
        headers.TryGetValue("Remote-User", out var user);
        return ("200 OK", string.Empty, $"backend={_name} host={host} remote-user={user} path={path}");
    }
}
