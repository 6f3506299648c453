using HomelabManager.Cli;
using HomelabManager.Tests.Clients;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// deploy killed mid-run (Ctrl-C) at each request index of a clean run, in turn: it stops with "Cancelled." and exit
/// 1, never a stack trace, and a re-run converges to exactly the desired jobs, each registered once.
/// </summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Deploy_cancelled_at_each_request_index_in_turn_converges_on_a_rerun()
    {
        int total;
        await using (var clean = await FaultLab.StartAsync())
        {
            var count = 0;
            var options = TestClients.Fast(retries: 2) with { Trace = line => CountRequest(line, ref count) };
            var run = await clean.RunAsync(options, CancellationToken.None, "deploy", "--concurrency", "1");
            Assert.True(run.ExitCode == ExitCodes.Ok, run.Out + run.Error);
            total = count;
        }

        Assert.True(total >= 6, $"{total} requests");
        var failures = new List<string>();
        for (var index = 1; index <= total; index++)
        {
            try
            {
                await CancelAtAsync(index);
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures.Add($"cancelled at request {index}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static async Task CancelAtAsync(int index)
    {
        await using var lab = await FaultLab.StartAsync();
        using var cancellation = new CancellationTokenSource();
        var count = 0;
        var options = TestClients.Fast(retries: 2) with
        {
            Trace = line =>
            {
                if (CountRequest(line, ref count) == index)
                {
                    cancellation.Cancel();
                }
            },
        };

        var result = await lab.RunAsync(options, cancellation.Token, "deploy", "--concurrency", "1");

        FaultLab.AssertNoStackTrace(result);
        Assert.True(result.ExitCode == ExitCodes.Failure, $"exit {result.ExitCode}\n{result.Out}{result.Error}");
        Assert.Contains("Cancelled.", result.Error, StringComparison.Ordinal);
        await lab.AssertRerunConvergesAsync();
    }

    /// <summary>Counts a traced request line (<c>API → METHOD URL</c>); returns the new count.</summary>
    private static int CountRequest(string line, ref int count) =>
        line.Contains(" → ", StringComparison.Ordinal) ? Interlocked.Increment(ref count) : count;
}
