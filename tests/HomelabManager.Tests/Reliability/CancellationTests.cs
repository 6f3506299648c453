using HomelabManager.Cli;
using HomelabManager.Tests.Clients;
using HomelabManager.Tests.Cli;

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
        var reported = 0;
        for (var index = 1; index <= total; index++)
        {
            try
            {
                reported += await CancelAtAsync(index) ? 1 : 0;
            }
            catch (Xunit.Sdk.XunitException exception)
            {
                failures.Add($"cancelled at request {index}: {exception.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(reported > 0, "no run was cancelled while registering");
    }

    private static async Task<bool> CancelAtAsync(int index)
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
        var reported = await AssertCancelReportIsExactAsync(lab, result);
        await lab.AssertRerunConvergesAsync();
        return reported;
    }

    /// <summary>
    /// Cancelled while registering, deploy names what Nomad confirmed: every job it calls applied is live, and every live
    /// job is either applied or "not confirmed" (its request was in flight), never silently missing from the report.
    /// </summary>
    private static async Task<bool> AssertCancelReportIsExactAsync(FaultLab lab, CliResult result)
    {
        var line = result.Error.Split('\n').FirstOrDefault(l => l.StartsWith("Cancelled mid-run.", StringComparison.Ordinal));
        if (line is null)
        {
            return false; // cancelled before registering or while watching: nothing was half-done by this run
        }

        static IReadOnlyList<string> Ids(string line, string label)
        {
            var start = line.IndexOf(label, StringComparison.Ordinal) + label.Length;
            var end = line.IndexOf('.', start);
            var text = line[start..end].Trim();
            return text == "none" ? [] : text.Split(", ");
        }

        var applied = Ids(line, "Applied:");
        var unconfirmed = Ids(line, "Not confirmed:");
        var live = await lab.LiveJobsAsync();
        Assert.All(applied, id => Assert.True(live.ContainsKey(id), $"{id} reported applied but not in Nomad: {line}"));
        Assert.All(live.Keys, id => Assert.True(applied.Contains(id) || unconfirmed.Contains(id), $"{id} is in Nomad but the report does not say so: {line}"));
        return true;
    }

    /// <summary>Counts a traced request line (<c>API → METHOD URL</c>); returns the new count.</summary>
    private static int CountRequest(string line, ref int count) =>
        line.Contains(" → ", StringComparison.Ordinal) ? Interlocked.Increment(ref count) : count;
}
