using HomelabManager.Cli;
using HomelabManager.Clients.Nomad;
using HomelabManager.Operations;
using Spectre.Console;

namespace HomelabManager.Commands.Logs;

/// <summary>One allocation and task whose log is streamed.</summary>
internal sealed record LogTarget(string AllocationId, string Task);

/// <summary>Which allocations and tasks <c>logs</c> reads.</summary>
internal static class LogTargets
{
    private const long NanosecondsPerTick = 100;

    /// <summary>
    /// The running allocations (with <c>--since</c>: also those that stopped within the window); when none
    /// run, the most recent one so a crash can be read. Empty (reason printed) when the service has no
    /// allocation; null (reason printed) when the task choice is the user's error.
    /// </summary>
    public static async Task<IReadOnlyList<LogTarget>?> FindAsync(
        INomadClient nomad, LogRequest request, DateTimeOffset now, CommandEnvironment environment, CancellationToken cancellationToken)
    {
        var all = (await nomad.ListJobAllocationsAsync(request.Service, cancellationToken: cancellationToken)).Value
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        if (all.Count == 0)
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(request.Service)} has no allocations: it is not deployed (run deploy) or was stopped.");
            return [];
        }

        var cutoff = request.Since is { } window ? (now - window - DateTimeOffset.UnixEpoch).Ticks * NanosecondsPerTick : long.MaxValue;
        var chosen = all.Where(a => a.ClientStatus == ServiceAllocations.Running || a.ModifyTime >= cutoff).ToList();
        if (chosen.Count == 0)
        {
            var latest = all.MaxBy(a => a.ModifyTime)!;
            environment.ErrorConsole.MarkupLine(
                $"[yellow]warning:[/] no running allocation of {Markup.Escape(request.Service)}; showing the latest, {ServiceAllocations.ShortId(latest.Id)} ({Markup.Escape(latest.ClientStatus)}).");
            chosen.Add(latest);
        }

        var targets = new List<LogTarget>(chosen.Count);
        foreach (var allocation in chosen)
        {
            var tasks = allocation.TaskStates?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
            var task = ChooseTask(request, tasks);
            if (task is null)
            {
                var known = tasks.Count == 0 ? "none started yet" : string.Join(", ", tasks);
                environment.ErrorConsole.MarkupLine(request.Task is null
                    ? $"[red]error:[/] {Markup.Escape(request.Service)} runs several tasks ({Markup.Escape(known)}); choose one with --task."
                    : $"[red]error:[/] {Markup.Escape(request.Service)} has no task \"{Markup.Escape(request.Task)}\" (tasks: {Markup.Escape(known)}).");
                return null;
            }

            targets.Add(new LogTarget(allocation.Id, task));
        }

        return targets;
    }

    private static string? ChooseTask(LogRequest request, List<string> tasks)
    {
        if (request.Task is { } named)
        {
            return tasks.Count == 0 || tasks.Contains(named, StringComparer.Ordinal) ? named : null;
        }

        return tasks.Count switch
        {
            0 => request.Service, // not started yet: the generated jobs name their task after the service
            1 => tasks[0],
            _ => tasks.Contains(request.Service, StringComparer.Ordinal) ? request.Service : null,
        };
    }
}
