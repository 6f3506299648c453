using System.Text;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Clients;

/// <summary>Framed log streams: back-to-back JSON frames, base64 data, heartbeats, follow, origin/offset.</summary>
public sealed class NomadLogStreamTests
{
    [RequiresNomadSchemaFact]
    public async Task Without_follow_the_stream_ends_after_the_existing_content()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        var allocation = await RunningAllocationAsync(nomad, client);
        nomad.Log(allocation, "minimal").Append("hello world\n" + new string('x', 70_000));

        var frames = await client.StreamLogsAsync(new NomadLogRequest(allocation, "minimal")).ToListAsync();
        var tail = await client.StreamLogsAsync(new NomadLogRequest(allocation, "minimal", Origin: NomadLogOrigin.End, Offset: 3)).ToListAsync();

        Assert.Equal(2, frames.Count);
        Assert.Equal(65536, frames[0].Data!.Length);
        Assert.StartsWith("hello world\n", Encoding.UTF8.GetString(frames[0].Data!), StringComparison.Ordinal);
        Assert.Equal(70_012, frames[^1].Offset);
        Assert.Equal("alloc/logs/minimal.stdout.0", frames[0].File);
        Assert.Equal("xxx", Encoding.UTF8.GetString(Assert.Single(tail).Data!));
        Assert.Contains("plain=false", nomad.Requests.All[^1].Query, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Follow_skips_heartbeats_and_delivers_appended_output()
    {
        await using var nomad = await NomadDouble.StartAsync(new NomadDoubleOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(20) });
        using var client = TestClients.Nomad(nomad);
        var allocation = await RunningAllocationAsync(nomad, client);
        var log = nomad.Log(allocation, "minimal", "stderr");
        log.Append("first\n");
        var received = new List<string>();

        await foreach (var frame in client.StreamLogsAsync(new NomadLogRequest(allocation, "minimal", NomadLogType.Stderr, Follow: true)))
        {
            received.Add(Encoding.UTF8.GetString(frame.Data!));
            if (received.Count == 1)
            {
                await Task.Delay(100);
                log.Append("second\n");
            }
            else
            {
                log.Close();
            }
        }

        Assert.Equal(["first\n", "second\n"], received);
    }

    [RequiresNomadSchemaFact]
    public async Task Frame_reader_skips_heartbeats_between_back_to_back_objects()
    {
        var bytes = Encoding.UTF8.GetBytes("{}{\"Offset\":11,\"Data\":\"aGVsbG8gd29ybGQK\",\"File\":\"alloc/logs/web.stdout.0\"}{}{\"Offset\":12,\"FileEvent\":\"file truncated\"}");
        using var stream = new OneByteStream(bytes);

        var frames = await NomadFrameReader.ReadAsync(stream, NomadJsonContext.Default.NomadLogFrame, CancellationToken.None).ToListAsync();

        Assert.Equal(2, frames.Count);
        Assert.Equal("hello world\n", Encoding.UTF8.GetString(frames[0].Data!));
        Assert.Equal("file truncated", frames[1].FileEvent);
    }

    [RequiresNomadSchemaFact]
    public async Task Logs_of_a_task_that_never_started_are_a_404_with_the_real_text()
    {
        await using var nomad = await NomadDouble.StartAsync();
        using var client = TestClients.Nomad(nomad);
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        var allocation = nomad.RunningAllocations("minimal")[0];

        var error = await Assert.ThrowsAsync<ApiException>(async () => await client.StreamLogsAsync(new NomadLogRequest(allocation, "minimal")).ToListAsync());
        var unknownTask = await Assert.ThrowsAsync<ApiException>(async () => await client.StreamLogsAsync(new NomadLogRequest(allocation, "nope")).ToListAsync());

        Assert.Equal((404, "task \"minimal\" not started yet. No logs available"), (error.StatusCode, error.ServerMessage));
        Assert.Equal((400, "unknown task name \"nope\""), (unknownTask.StatusCode, unknownTask.ServerMessage));
    }

    private static async Task<string> RunningAllocationAsync(NomadDouble nomad, NomadClient client)
    {
        await client.RegisterJobAsync(TestClients.Register(TestClients.Job()));
        nomad.SettleDeployments();
        return nomad.RunningAllocations("minimal")[0];
    }

    /// <summary>Delivers one byte per read, so frames arrive split at every position.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
