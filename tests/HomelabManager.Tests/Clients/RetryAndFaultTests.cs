using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;
using Microsoft.Extensions.Time.Testing;

namespace HomelabManager.Tests.Clients;

/// <summary>Each fault class: retried and recovered, or bounded and reported; what is not retried.</summary>
public sealed class RetryAndFaultTests
{
    [RequiresNomadSchemaFact]
    public async Task Transient_5xx_on_a_read_is_retried_until_it_succeeds()
    {
        await using var nomad = await NomadDouble.StartAsync();
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Nomad(nomad, options: TestClients.Fast(trace));
        nomad.Faults.Inject("/v1/jobs", Fault.Status(503, "no leader yet"), count: 1, method: "GET")
            .Inject("/v1/jobs", Fault.Status(502), count: 1, method: "GET")
            .Inject("/v1/jobs", Fault.Status(504), count: 1, method: "GET");

        var jobs = await client.ListJobsAsync();

        Assert.Empty(jobs.Value);
        Assert.Equal(4, nomad.Requests.Count("GET", "/v1/jobs"));
        Assert.Equal(3, trace.Count(l => l.Contains("Nomad retry", StringComparison.Ordinal)));
        Assert.Contains(trace, l => l.Contains("after HTTP 503", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Persistent_5xx_is_bounded_and_reported_with_the_servers_text()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad, options: TestClients.Fast(retries: 2));
        nomad.Faults.Inject("/v1/job/*", Fault.Status(503, "upstream unavailable"), count: 100);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ReadJobAsync("web"));

        Assert.Equal((503, 3, false), (error.StatusCode, error.Attempts, error.IsUserError));
        Assert.Equal("Nomad API: GET /v1/job/web: HTTP 503 (after 3 attempts): upstream unavailable", error.Message);
        Assert.Equal(3, nomad.Requests.Count("GET", "/v1/job/web"));
    }

    [RequiresNomadSchemaFact]
    public async Task Client_errors_and_plain_500s_are_not_retried()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        nomad.Faults.Inject("/v1/jobs", Fault.Status(400, "Invalid wait time"), method: "GET")
            .Inject("/v1/job/web", Fault.Status(500, "No cluster leader"));

        var bad = await Assert.ThrowsAsync<ApiException>(() => client.ListJobsAsync());
        var noLeader = await Assert.ThrowsAsync<ApiException>(() => client.ReadJobAsync("web"));

        Assert.Equal((400, 1, true), (bad.StatusCode, bad.Attempts, bad.IsUserError));
        Assert.Equal((500, 1, false), (noLeader.StatusCode, noLeader.Attempts, noLeader.IsUserError));
        Assert.Equal(1, nomad.Requests.Count("GET", "/v1/jobs"));
        Assert.Equal(1, nomad.Requests.Count("GET", "/v1/job/web"));
    }

    [RequiresNomadSchemaFact]
    public async Task A_plain_register_is_sent_once_but_an_EnforceIndex_register_is_retried()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        nomad.Faults.Inject("/v1/jobs", Fault.Status(502), count: 2, method: "PUT");

        var once = await Assert.ThrowsAsync<ApiException>(() => client.RegisterJobAsync(TestClients.Register(TestClients.Job())));
        var retried = await client.RegisterJobAsync(TestClients.Register(TestClients.Job(), enforceIndex: 0));

        Assert.Equal((502, 1), (once.StatusCode, once.Attempts));
        Assert.NotEmpty(retried.EvalId);
        Assert.Equal(3, nomad.Requests.Count("PUT", "/v1/jobs"));
    }

    [RequiresNomadSchemaFact]
    public async Task Rate_limiting_is_retried_for_every_request_and_honours_Retry_After()
    {
        await using var nomad = await NomadDouble.StartAsync();
        var trace = new ConcurrentQueue<string>();
        using var client = TestClients.Nomad(nomad, options: TestClients.Fast(trace));
        nomad.Faults.Inject("/v1/jobs", Fault.TooManyRequests(TimeSpan.FromSeconds(1)), method: "PUT");

        var registered = await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));

        Assert.NotEmpty(registered.EvalId);
        Assert.Equal(2, nomad.Requests.Count("PUT", "/v1/jobs"));
        Assert.Contains(trace, l => l.Contains("after HTTP 429", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public async Task Dropped_connections_are_retried_for_reads_and_reported_for_plain_writes()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        nomad.Faults.Inject("/v1/jobs", Fault.DropConnection(), count: 2, method: "GET")
            .Inject("/v1/job/web", Fault.DropConnection(), method: "DELETE");

        var jobs = await client.ListJobsAsync();
        var stop = await Assert.ThrowsAsync<ApiException>(() => client.StopJobAsync("web"));

        Assert.Empty(jobs.Value);
        Assert.Equal(3, nomad.Requests.Count("GET", "/v1/jobs"));
        Assert.Equal((ApiErrorKind.Connection, 1, (int?)null), (stop.Kind, stop.Attempts, stop.StatusCode));
        Assert.Equal(1, nomad.Requests.Count("DELETE", "/v1/job/web"));
    }

    [RequiresNomadSchemaFact]
    public async Task Latency_beyond_the_attempt_timeout_is_a_timeout_that_is_retried()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad, options: TestClients.Fast(attemptTimeout: TimeSpan.FromMilliseconds(500)));
        nomad.Faults.Inject("/v1/status/leader", Fault.Latency(TimeSpan.FromSeconds(30)));
        nomad.Faults.Inject("/v1/agent/self", Fault.Latency(TimeSpan.FromSeconds(30)), count: 10);
        using var bounded = TestClients.Nomad(nomad, options: TestClients.Fast(retries: 1, attemptTimeout: TimeSpan.FromMilliseconds(200)));

        var leader = await client.ReadLeaderAsync();
        var error = await Assert.ThrowsAsync<ApiException>(() => bounded.ReadAgentSelfAsync());

        Assert.Equal("127.0.0.1:4647", leader);
        Assert.Equal(2, nomad.Requests.Count("GET", "/v1/status/leader"));
        Assert.Equal((ApiErrorKind.Timeout, 2), (error.Kind, error.Attempts));
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_refused_is_retried_and_then_reported()
    {
        var port = FreePort();
        var trace = new ConcurrentQueue<string>();
        using var client = new NomadClient(new NomadSettings { Address = new Uri($"http://127.0.0.1:{port}") }, TestClients.Fast(trace, retries: 2));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ReadLeaderAsync());

        Assert.Equal((ApiErrorKind.Connection, 3), (error.Kind, error.Attempts));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, trace.Count(l => l.Contains("retry", StringComparison.Ordinal)));
    }

    [RequiresNomadSchemaFact]
    public async Task Backoff_waits_on_the_injected_clock_and_honours_Retry_After()
    {
        await using var nomad = await NomadDouble.StartAsync();
        var time = new FakeTimeProvider();
        var options = new ApiClientOptions
        {
            TimeProvider = time,
            Retry = new ApiRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30), UseJitter = false, AttemptTimeout = Timeout.InfiniteTimeSpan },
        };
        using var client = TestClients.Nomad(nomad, options: options);
        nomad.Faults.Inject("/v1/jobs", Fault.Status(503), method: "GET")
            .Inject("/v1/jobs", Fault.TooManyRequests(TimeSpan.FromSeconds(7)), method: "GET");

        var call = client.ListJobsAsync();
        await WaitForRequestsAsync(nomad, 1);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(50);
        Assert.Equal(1, nomad.Requests.Count("GET", "/v1/jobs"));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForRequestsAsync(nomad, 2);
        time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(50);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty((await call.WaitAsync(TimeSpan.FromSeconds(10))).Value);
        Assert.Equal(3, nomad.Requests.Count("GET", "/v1/jobs"));
    }

    private static async Task WaitForRequestsAsync(NomadDouble nomad, int count)
    {
        for (var i = 0; i < 500 && nomad.Requests.Count("GET", "/v1/jobs") < count; i++)
        {
            await Task.Delay(10);
        }

        // Let the client reach its backoff timer after the answer.
        await Task.Delay(50);
        Assert.Equal(count, nomad.Requests.Count("GET", "/v1/jobs"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
