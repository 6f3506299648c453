using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Operations;
using Spectre.Console;

namespace HomelabManager.Commands.Logs;

/// <summary>
/// <c>logs SERVICE [--task T] [--stderr] [-f] [--tail N] [--since D]</c>: the task logs of every running
/// allocation of a service, each line prefixed with <c>[alloc/task]</c> when there are several; followed
/// concurrently until Ctrl-C. With no running allocation, the latest one (e.g. the one that crashed) is shown.
/// </summary>
internal static class LogsCommand
{
    public static Command Create(CliContext context)
    {
        var service = new Argument<string>("SERVICE") { Description = "The service whose logs to show" };
        var task = new Option<string?>("--task", "-t") { Description = "Task to read (default: the allocation's only task, or the one named like the service)" };
        var stderr = new Option<bool>("--stderr") { Description = "Read stderr instead of stdout" };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming new lines until Ctrl-C" };
        var tail = new Option<int?>("--tail", "-n")
        {
            Description = "Only the last N lines of each allocation",
            HelpName = "N",
            Validators = { result => { if (result.GetValueOrDefault<int?>() is < 0) { result.AddError("--tail must be 0 or more."); } } },
        };
        var since = new Option<string?>("--since")
        {
            Description = "Only allocations alive, and lines dated (when they start with a timestamp), within this time, e.g. 15m, 1h30m, 2d",
            HelpName = "DURATION",
        };
        var command = new Command("logs", "Stream the logs of all of a service's allocations") { service, task, stderr, follow, tail, since };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            TimeSpan? window = null;
            if (parseResult.GetValue(since) is { } sinceText)
            {
                window = LogDuration.Parse(sinceText, out var error);
                if (window is null)
                {
                    environment.ErrorConsole.MarkupLine($"[red]error:[/] --since: {Markup.Escape(error!)}");
                    return ExitCodes.InvalidInput;
                }
            }

            var name = parseResult.GetValue(service)!;
            if (ServiceSelection.Load(environment, [name]) is null)
            {
                return ExitCodes.InvalidInput;
            }

            var request = new LogRequest(
                name,
                parseResult.GetValue(task),
                parseResult.GetValue(stderr) ? NomadLogType.Stderr : NomadLogType.Stdout,
                parseResult.GetValue(follow),
                parseResult.GetValue(tail),
                window);
            using var clients = context.Clients(parseResult, environment);
            var time = environment.Host.ApiOptions?.TimeProvider ?? TimeProvider.System;
            return await RunAsync(clients.Nomad, request, environment, time, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(INomadClient nomad, LogRequest request, CommandEnvironment environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var targets = await LogTargets.FindAsync(nomad, request, now, environment, cancellationToken);
        if (targets is null)
        {
            return ExitCodes.InvalidInput;
        }

        if (targets.Count == 0)
        {
            return ExitCodes.Failure;
        }

        var sink = new LogSink(environment.RawOut);
        var several = targets.Count > 1;
        var failures = 0;
        var streams = targets.Select(async target =>
        {
            var prefix = several ? $"[{ServiceAllocations.ShortId(target.AllocationId)}/{target.Task}] " : string.Empty;
            var filter = request.Since is { } window ? new SinceFilter(now - window) : null;
            try
            {
                await new AllocationLogStream(nomad, sink, target.AllocationId, target.Task, prefix, filter).RunAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how a followed log ends: a clean stop, not a failure.
            }
            catch (IOException) when (cancellationToken.IsCancellationRequested)
            {
                // The connection was torn down by the cancellation.
            }
            catch (ApiException exception)
            {
                // One allocation's node being away must not stop the others.
                Interlocked.Increment(ref failures);
                environment.ErrorConsole.MarkupLine(
                    $"[red]error:[/] logs of allocation {ServiceAllocations.ShortId(target.AllocationId)} ({Markup.Escape(target.Task)}): {Markup.Escape(exception.Message)}");
            }
        });
        await Task.WhenAll(streams);
        return failures > 0 ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
