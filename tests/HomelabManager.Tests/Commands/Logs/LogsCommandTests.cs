using System.Globalization;
using HomelabManager.Cli;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Logs;

public sealed class LogsCommandTests
{
    [RequiresNomadSchemaFact]
    public async Task Lines_of_several_allocations_carry_a_short_alloc_and_task_prefix()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");
        var allocations = lab.Nomad.RunningAllocations("web");
        lab.Nomad.Log(allocations[0], "web").Append("one\ntwo\n");
        lab.Nomad.Log(allocations[1], "web").Append("three\r\nunfinished");

        var result = await lab.RunAsync("logs", "web");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var first = $"[{allocations[0][..8]}/web] ";
        var second = $"[{allocations[1][..8]}/web] ";
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { first + "one", first + "two", second + "three", second + "unfinished" }.Order(StringComparer.Ordinal), lines);
    }

    [RequiresNomadSchemaFact]
    public async Task One_allocation_prints_its_lines_as_they_are()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db").Append("ready to accept connections\nsecond line\n");

        var result = await lab.RunAsync("logs", "db");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal("ready to accept connections\nsecond line\n", result.Out);
    }

    [RequiresNomadSchemaFact]
    public async Task Tail_prints_the_last_lines_reading_from_the_end()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db").Append("1\n2\n3\n4\n5\n");

        var result = await lab.RunAsync("logs", "db", "--tail", "2");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal("4\n5\n", result.Out);
        var request = Assert.Single(lab.Nomad.Requests.WithPathPrefix("/v1/client/fs/logs/"));
        Assert.Contains("origin=end", request.Query, StringComparison.Ordinal);
        Assert.Contains("follow=false", request.Query, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Tail_looks_further_back_when_long_lines_hide_the_ones_asked_for()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        var longLine = new string('x', 20_000);
        lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db").Append($"first\n{longLine}\nlast\n");

        var result = await lab.RunAsync("logs", "db", "-n", "2");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal($"{longLine}\nlast\n", result.Out);
        Assert.Equal(3, lab.Nomad.Requests.WithPathPrefix("/v1/client/fs/logs/").Count);
    }

    [RequiresNomadSchemaFact]
    public async Task Follow_prints_appended_lines_and_stops_cleanly_on_cancellation()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        var log = lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db");
        log.Append("started\n");
        using var cancellation = new CancellationTokenSource();
        var run = new LabRun { Cancellation = cancellation.Token };

        var running = lab.RunAsync(run, "logs", "db", "-f");
        await run.Out.WaitForAsync(text => text.Contains("started\n", StringComparison.Ordinal));
        log.Append("later ");
        log.Append("line\n");
        await run.Out.WaitForAsync(text => text.Contains("later line\n", StringComparison.Ordinal));
        await cancellation.CancelAsync();
        var result = await running;

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("started\nlater line\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("follow=true", lab.Nomad.Requests.WithPathPrefix("/v1/client/fs/logs/")[0].Query, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Follow_streams_several_allocations_at_once_until_their_logs_close()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");
        var allocations = lab.Nomad.RunningAllocations("web");
        var logs = allocations.Select(a => lab.Nomad.Log(a, "web")).ToList();
        var run = new LabRun();

        var running = lab.RunAsync(run, "logs", "web", "--follow");
        logs[1].Append("from the second\n");
        await run.Out.WaitForAsync(text => text.Contains("from the second", StringComparison.Ordinal));
        logs[0].Append("from the first\n");
        await run.Out.WaitForAsync(text => text.Contains("from the first", StringComparison.Ordinal));
        logs.ForEach(l => l.Close());
        var result = await running;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal(
            [$"[{allocations[1][..8]}/web] from the second", $"[{allocations[0][..8]}/web] from the first"],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [RequiresNomadSchemaFact]
    public async Task Tail_then_follow_continues_after_the_last_line_shown()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        var log = lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db");
        log.Append("1\n2\n3\npart");
        var run = new LabRun();

        var running = lab.RunAsync(run, "logs", "db", "--tail", "1", "-f");
        await run.Out.WaitForAsync(text => text.Contains("3\n", StringComparison.Ordinal));
        log.Append("ial\n4\n");
        log.Close();
        var result = await running;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal("3\npartial\n4\n", result.Out);
    }

    [RequiresNomadSchemaFact]
    public async Task Stderr_reads_the_error_stream()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        var allocation = lab.Nomad.RunningAllocations("db")[0];
        lab.Nomad.Log(allocation, "db").Append("normal\n");
        lab.Nomad.Log(allocation, "db", "stderr").Append("FATAL: role does not exist\n");

        var result = await lab.RunAsync("logs", "db", "--stderr");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal("FATAL: role does not exist\n", result.Out);
        Assert.Contains("type=stderr", lab.Nomad.Requests.WithPathPrefix("/v1/client/fs/logs/")[0].Query, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Since_drops_lines_dated_before_the_window_with_their_continuations()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        var old = DateTimeOffset.UtcNow.AddHours(-3).ToString("yyyy-MM-dd'T'HH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var recent = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        lab.Nomad.Log(lab.Nomad.RunningAllocations("db")[0], "db").Append($"{old} old\n  at old.frame\n[{recent}] recent\n  at recent.frame\n");

        var result = await lab.RunAsync("logs", "db", "--since", "1h");
        var invalid = await lab.RunAsync("logs", "db", "--since", "1 hour");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal($"[{recent}] recent\n  at recent.frame\n", result.Out);
        Assert.Equal(ExitCodes.InvalidInput, invalid.ExitCode);
        Assert.Contains("--since", invalid.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task An_unknown_service_is_a_usage_error_with_a_suggestion()
    {
        await using var lab = await OperationsLab.StartAsync();

        var result = await lab.RunAsync("logs", "dbb");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no service named \"dbb\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"db\"?", result.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task An_unknown_task_is_a_usage_error_naming_the_tasks()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");

        var result = await lab.RunAsync("logs", "db", "--task", "sidecar");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("db has no task \"sidecar\" (tasks: db)", result.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_service_that_was_never_deployed_has_no_logs()
    {
        await using var lab = await OperationsLab.StartAsync();

        var result = await lab.RunAsync("logs", "files");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("files has no allocations", result.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_failing_log_stream_is_a_clear_error_without_a_stack_trace()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("db");
        lab.Nomad.Faults.Inject("/v1/client/fs/logs/*", Fault.Status(403, "Permission denied"));

        var result = await lab.RunAsync("logs", "db");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("error: logs of allocation", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 403: Permission denied", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
