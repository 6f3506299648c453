using HomelabManager.Cli;
using HomelabManager.Deployment;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>
/// Watches deployments with live progress: a Spectre progress display on a terminal, one plain line per change
/// otherwise, nothing with <c>--output json</c>. Failed tasks' events are printed when a deployment fails.
/// </summary>
internal static class DeploymentProgressView
{
    /// <summary>Watches every job of <paramref name="jobs"/> (ID and registered version) at once.</summary>
    public static async Task<IReadOnlyList<WatchResult>> WatchAsync(
        CommandEnvironment environment, DeploymentWatcher watcher, IReadOnlyList<(string JobId, ulong Version, ulong SinceIndex)> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(watcher);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Count == 0)
        {
            return [];
        }

        IReadOnlyList<WatchResult> results;
        if (environment.Output == OutputFormat.Json)
        {
            results = await Task.WhenAll(jobs.Select(j => watcher.WatchAsync(j.JobId, j.Version, j.SinceIndex, null, cancellationToken)));
        }
        else if (environment.Host.OutIsTerminal)
        {
            results = await environment.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var tasks = jobs.ToDictionary(j => j.JobId, j => progress.AddTask(Markup.Escape(j.JobId) + ": waiting for deployment", maxValue: 1));
                    return await Task.WhenAll(jobs.Select(j => watcher.WatchAsync(
                        j.JobId,
                        j.Version,
                        j.SinceIndex,
                        update =>
                        {
                            var task = tasks[update.JobId];
                            task.MaxValue = Math.Max(1, update.Desired);
                            task.Value = update.Healthy;
                            task.Description = Markup.Escape(Line(update));
                        },
                        cancellationToken)));
                });
        }
        else
        {
            var gate = new Lock();
            results = await Task.WhenAll(jobs.Select(j => watcher.WatchAsync(
                j.JobId,
                j.Version,
                j.SinceIndex,
                update =>
                {
                    lock (gate)
                    {
                        environment.Console.WriteLine(Line(update));
                    }
                },
                cancellationToken)));
        }

        if (environment.Output == OutputFormat.Text)
        {
            foreach (var result in results.Where(r => !r.Succeeded))
            {
                WriteFailure(environment.Console, result);
            }
        }

        return results;
    }

    /// <summary>The failure of one deployment: status, rollback and the failed tasks' recent events.</summary>
    public static void WriteFailure(IAnsiConsole console, WatchResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var what = result.Status switch
        {
            WatchStatus.NoDeployment => "no deployment",
            WatchStatus.Cancelled => "deployment cancelled",
            _ => "deployment failed",
        };
        console.MarkupLine($"[red]{Markup.Escape(result.JobId)}: {what}:[/] {Markup.Escape(result.Description)}");
        if (result.RevertedToVersion is { } version)
        {
            console.MarkupLine(
                $"  Nomad rolled {Markup.Escape(result.JobId)} back to job version {version} (auto-revert); rollback deployment: {Markup.Escape(result.RevertStatus ?? "not found")}");
        }

        foreach (var task in result.FailedTasks ?? [])
        {
            console.MarkupLine($"  allocation {Markup.Escape(task.Name)} ({Markup.Escape(Short(task.AllocationId))}), task {Markup.Escape(task.Task)}:");
            foreach (var taskEvent in task.Events)
            {
                var at = DateTimeOffset.UnixEpoch.AddTicks(taskEvent.Time / 100).ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
                var message = taskEvent.DisplayMessage.Length > 0 ? taskEvent.DisplayMessage : taskEvent.Message;
                console.MarkupLine($"    {at}  {Markup.Escape(taskEvent.Type)}: {Markup.Escape(message)}");
            }
        }
    }

    private static string Line(DeploymentUpdate update)
    {
        var rollback = update.IsRollback ? " (rollback)" : string.Empty;
        return $"{update.JobId}: deployment{rollback} {update.Status}, {update.Healthy}/{update.Desired} healthy"
            + (update.Description.Length > 0 ? $" - {update.Description}" : string.Empty);
    }

    private static string Short(string id) => id.Length > 8 ? id[..8] : id;
}
