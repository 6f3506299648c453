using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Commands.Plan;
using HomelabManager.Deployment;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>
/// <c>deploy [SERVICE…] [--prune] [--yes] [--detach] [--force] [--adopt] [--concurrency N]</c>: validate, preflight
/// (Nomad leader, Vault secrets), plan, ensure host volumes, register the changed jobs only, remove pruned jobs,
/// and watch every deployment to its end.
/// </summary>
internal static class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Argument<string[]>("SERVICE")
        {
            Description = "Services to deploy (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var prune = new Option<bool>("--prune") { Description = "Stop and purge jobs of ours whose service no longer exists (whole homelab only)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation on a terminal" };
        var detach = new Option<bool>("--detach") { Description = "Register and return; do not watch the deployments" };
        var force = new Option<bool>("--force") { Description = "Take back jobs that were changed outside homelab-manager (drift)" };
        var adopt = new Option<bool>("--adopt") { Description = "Take over existing jobs with the same ID that homelab-manager did not create" };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Jobs registered at once",
            DefaultValueFactory = _ => 4,
        };
        concurrency.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--concurrency must be at least 1.");
            }
        });
        var command = new Command("deploy", "Register the changed jobs and watch their deployments until healthy")
        {
            services, prune, yes, detach, force, adopt, concurrency,
        };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var names = parseResult.GetValue(services) ?? [];
            var desired = HomelabInput.Select(environment, names);
            if (desired is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (parseResult.GetValue(prune) && !desired.IsWholeHomelab)
            {
                environment.ErrorConsole.MarkupLine("[red]error:[/] --prune looks at the whole homelab; run it without SERVICE arguments.");
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var run = new DeployRun(environment, clients, desired)
            {
                Prune = parseResult.GetValue(prune),
                Yes = parseResult.GetValue(yes),
                Detach = parseResult.GetValue(detach),
                Force = parseResult.GetValue(force),
                Adopt = parseResult.GetValue(adopt),
                Concurrency = parseResult.GetValue(concurrency),
            };
            return await run.RunAsync(cancellationToken);
        });
        return command;
    }
}

/// <summary>One deploy, step by step.</summary>
internal sealed class DeployRun(CommandEnvironment environment, ClusterClients clients, DesiredState desired)
{
    private readonly Lock _output = new();

    /// <summary>Every register/remove result so far, in completion order (for the report of a cancelled run).</summary>
    private readonly List<ApplyResult> _results = [];
    private DnsSync? _dns;
    private IReadOnlyList<Integrations.ExternalChange> _dnsPlanned = [];
    private int _dnsKept;

    public bool Prune { get; init; }

    public bool Yes { get; init; }

    public bool Detach { get; init; }

    public bool Force { get; init; }

    public bool Adopt { get; init; }

    public int Concurrency { get; init; } = 4;

    private bool Text => environment.Output == OutputFormat.Text;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        DnsSync? dns;
        try
        {
            dns = await DnsSync.ForAsync(desired.Integrations, ProviderAccess.Of(clients, environment, desired.Integrations?.Configuration), cancellationToken);
        }
        catch (DnsSyncException exception)
        {
            return DeployReport.Refuse(environment, [exception.Message], "Nothing was applied.");
        }

        using (dns)
        {
            _dns = dns;
            return await RunCoreAsync(cancellationToken);
        }
    }

    private async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        var preflight = new DeploymentPreflight(clients.Nomad, () => clients.Vault, desired.Options);
        // Nomad first (no services: no secret is read yet); the secrets of the jobs to register are checked after the plan.
        var problems = await preflight.CheckAsync([], cancellationToken);
        if (problems.Count > 0)
        {
            return DeployReport.Refuse(environment, problems, "Nothing was applied.");
        }

        DeploymentPlan plan;
        try
        {
            plan = await new DeploymentPlanner(clients.Nomad).PlanAsync(
                desired.Jobs,
                new PlanRequest { IncludeRemovals = desired.IsWholeHomelab, Force = Force, Adopt = Adopt, DiffAll = Force, Concurrency = Concurrency },
                cancellationToken);
        }
        catch (ApiException exception)
        {
            return DeployReport.Refuse(environment, [exception.Message], "Nothing was applied.");
        }

        if (plan.Refusals.Count > 0)
        {
            if (Text)
            {
                var width = plan.Refusals.Max(j => j.JobId.Length);
                foreach (var job in plan.Refusals)
                {
                    PlanView.WriteJob(environment.ErrorConsole, job, width, diff: true);
                }
            }

            var hints = new List<string>();
            if (plan.Count(PlanAction.Drift) > 0)
            {
                hints.Add("--force takes drifted jobs back");
            }

            if (plan.Count(PlanAction.Conflict) > 0)
            {
                hints.Add("--adopt takes over jobs homelab-manager did not create");
            }

            return DeployReport.Refuse(
                environment,
                [.. plan.Refusals.Select(j => $"{j.JobId}: {PlanView.Name(j.Action)}: {j.Reason}")],
                $"Nothing was applied ({string.Join("; ", hints)}).");
        }

        // Secrets of the jobs about to be registered only: unchanged jobs keep running with what they read.
        var registered = plan.Writes.Select(w => w.Service).ToHashSet(StringComparer.Ordinal);
        var secretProblems = await preflight.CheckSecretsAsync([.. desired.Services.Where(s => registered.Contains(s.Name))], cancellationToken);
        if (secretProblems.Count > 0)
        {
            return DeployReport.Refuse(environment, secretProblems, "Nothing was applied.");
        }

        if (_dns is not null)
        {
            try
            {
                var all = await _dns.PlanAsync(cancellationToken);
                _dnsPlanned = _dns.Select(all, desired, Prune);
                _dnsKept = all.Count(c => c.Kind == Integrations.ExternalChangeKind.Delete && !_dnsPlanned.Contains(c));
            }
            catch (DnsSyncException exception)
            {
                return DeployReport.Refuse(environment, [exception.Message], "Nothing was applied.");
            }
        }

        var dnsWrites = _dnsPlanned.Where(c => c.Kind != Integrations.ExternalChangeKind.Conflict).ToList();
        var writes = plan.Writes;
        var removals = Prune ? plan.Removals : [];
        if (Text)
        {
            WritePlan(plan, writes, removals);
            DnsChangeView.WriteText(environment.Console, "DNS record changes", dnsWrites);
        }

        if (writes.Count == 0 && removals.Count == 0 && dnsWrites.Count == 0)
        {
            return await FinishAsync([.. plan.Jobs.Select(Unwritten)], [], cancellationToken);
        }

        var changes = Changes(writes, removals);
        if (dnsWrites.Count > 0)
        {
            changes = string.Join(" and ", new[] { changes, $"{dnsWrites.Count} DNS record change(s)" }.Where(c => c.Length > 0));
        }

        if (Confirmation.CanAsk(environment, Yes) && !Confirmation.Ask(environment, $"Apply {changes}?"))
        {
            environment.Console.MarkupLine("Cancelled; nothing was applied.");
            return ExitCodes.Failure;
        }

        IReadOnlyList<string> volumesCreated;
        try
        {
            var writtenServices = writes.Select(w => w.Service).ToHashSet(StringComparer.Ordinal);
            volumesCreated = await preflight.EnsureVolumesAsync([.. desired.Services.Where(s => writtenServices.Contains(s.Name))], cancellationToken);
        }
        catch (ApiException exception)
        {
            return DeployReport.Refuse(environment, [$"creating host volumes failed: {exception.Message}"], "Nothing was applied.");
        }

        var applier = new DeploymentApplier(clients.Nomad, Concurrency);
        IReadOnlyList<ApplyResult> applied, removed;
        try
        {
            applied = await applier.RegisterAsync(writes, Announce, cancellationToken);
            removed = await applier.RemoveAsync(removals, purge: true, Announce, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportCancelled([.. writes, .. removals]);
            throw;
        }

        var watched = new Dictionary<string, WatchResult>(StringComparer.Ordinal);
        if (!Detach)
        {
            var watcher = new DeploymentWatcher(clients.Nomad, environment.Host.ApiOptions?.TimeProvider ?? TimeProvider.System);
            var jobs = applied.Where(a => a.Outcome == ApplyOutcome.Applied).Select(a => (a.Job.JobId, a.Job.ExpectedVersion, a.JobModifyIndex)).ToList();
            foreach (var result in await DeploymentProgressView.WatchAsync(environment, watcher, jobs, cancellationToken))
            {
                watched[result.JobId] = result;
            }
        }

        var rows = new List<DeployRow>();
        foreach (var job in plan.Jobs)
        {
            if (applied.FirstOrDefault(a => a.Job.JobId == job.JobId) is { } apply)
            {
                rows.Add(DeployReport.ForWrite(apply, watched.GetValueOrDefault(job.JobId), Detach));
            }
            else if (removed.FirstOrDefault(r => r.Job.JobId == job.JobId) is { } removal)
            {
                rows.Add(removal.Outcome == ApplyOutcome.Applied
                    ? new DeployRow(job, "removed", "stopped and purged", true, true, removal)
                    : new DeployRow(job, "not removed", removal.Message, false, false, removal));
            }
            else
            {
                rows.Add(Unwritten(job));
            }
        }

        return await FinishAsync(rows, volumesCreated, cancellationToken);
    }

    private static DeployRow Unwritten(PlannedJob job) => job.Action == PlanAction.Remove
        ? new DeployRow(job, "kept", "service is gone; deploy --prune removes it", true, false)
        : new DeployRow(job, "unchanged", string.Empty, true, false);

    /// <summary>Syncs DNS once every job is fine, then prints the summary.</summary>
    private async Task<int> FinishAsync(IReadOnlyList<DeployRow> rows, IReadOnlyList<string> volumesCreated, CancellationToken cancellationToken)
    {
        DnsReport? dns = null;
        if (_dns is not null)
        {
            var conflicts = _dnsPlanned.Where(c => c.Kind == Integrations.ExternalChangeKind.Conflict).ToList();
            var wanted = _dnsPlanned.Where(c => c.Kind != Integrations.ExternalChangeKind.Conflict).ToList();
            if (!rows.All(r => r.Ok))
            {
                dns = new DnsReport(_dns.Provider, [], conflicts, wanted, wanted.Count > 0 ? "DNS records were not changed because a job failed." : null);
            }
            else
            {
                try
                {
                    var applied = await _dns.ApplyAsync(wanted, cancellationToken);
                    dns = new DnsReport(_dns.Provider, applied, conflicts, [], null);
                }
                catch (DnsSyncException exception)
                {
                    dns = new DnsReport(_dns.Provider, [], conflicts, wanted, exception.Message);
                }
            }
        }

        return Finish(rows, volumesCreated, dns);
    }

    private int Finish(IReadOnlyList<DeployRow> rows, IReadOnlyList<string> volumesCreated, DnsReport? dns)
    {
        if (Text)
        {
            if (rows.All(r => r.Apply is null) && dns is null or { Applied.Count: 0, Error: null })
            {
                environment.Console.MarkupLine($"Nothing to do: {Markup.Escape(Summary(rows))}.");
            }
            else
            {
                DeployReport.WriteText(environment.Console, rows, volumesCreated);
            }

            if (dns is not null)
            {
                DeployReport.WriteDnsText(environment.Console, dns);
                if (_dnsKept > 0)
                {
                    environment.Console.MarkupLine($"Kept {_dnsKept} DNS record(s) of removed services (deploy --prune deletes them).");
                }

                if (dns.Error is { } error)
                {
                    environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
                    var applied = rows.Where(r => r.Applied).Select(r => r.Job.JobId).ToList();
                    environment.ErrorConsole.MarkupLine($"Jobs applied: {Markup.Escape(applied.Count == 0 ? "none" : string.Join(", ", applied))}; running deploy again retries the DNS changes.");
                }
            }
        }
        else
        {
            DeployReport.WriteJson(environment.RawOut, rows, volumesCreated, dns?.Error is { } error ? [error] : [], dns);
        }

        return rows.All(r => r.Ok) && dns?.Error is null ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static string Summary(IReadOnlyList<DeployRow> rows)
    {
        var unchanged = rows.Count(r => r.Result == "unchanged");
        var kept = rows.Count(r => r.Result == "kept");
        return kept == 0
            ? $"{unchanged} job(s) up to date"
            : $"{unchanged} job(s) up to date, {kept} no longer defined (deploy --prune removes them)";
    }

    private void WritePlan(DeploymentPlan plan, IReadOnlyList<PlannedJob> writes, IReadOnlyList<PlannedJob> removals)
    {
        var shown = writes.Concat(removals).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var width = shown.Max(j => j.JobId.Length);
        foreach (var job in shown)
        {
            PlanView.WriteJob(environment.Console, job, width, diff: false);
        }

        environment.Console.MarkupLine($"Plan: {Markup.Escape(plan.Summary())}.");
    }

    private static string Changes(IReadOnlyList<PlannedJob> writes, IReadOnlyList<PlannedJob> removals)
    {
        var parts = new List<string>();
        if (writes.Count > 0)
        {
            parts.Add($"{writes.Count} job register(s)");
        }

        if (removals.Count > 0)
        {
            parts.Add($"{removals.Count} removal(s) ({string.Join(", ", removals.Select(r => r.JobId))})");
        }

        return string.Join(" and ", parts);
    }

    /// <summary>
    /// What a cancelled run did, exactly: the jobs Nomad confirmed, the ones it did not (a request in flight when the run
    /// was cancelled may still have landed: <c>plan</c> tells). Written to stderr in every output format.
    /// </summary>
    private void ReportCancelled(IReadOnlyList<PlannedJob> attempted)
    {
        List<ApplyResult> done;
        lock (_output)
        {
            done = [.. _results];
        }

        var confirmed = done.Where(r => r.Outcome == ApplyOutcome.Applied).Select(r => r.Job.JobId).ToList();
        var failed = done.Where(r => r.Outcome != ApplyOutcome.Applied).Select(r => r.Job.JobId).ToList();
        var unconfirmed = attempted.Select(j => j.JobId).Except(done.Select(r => r.Job.JobId), StringComparer.Ordinal).ToList();
        static string List(List<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids);
        environment.ErrorConsole.MarkupLine(Markup.Escape(
            $"Cancelled mid-run. Applied: {List(confirmed)}. Failed or skipped: {List(failed)}. Not confirmed: {List(unconfirmed)}"
            + (unconfirmed.Count > 0 ? " (a request in flight may still have landed; plan shows where Nomad stands, deploy again converges)." : ".")));
    }

    private void Announce(ApplyResult result)
    {
        lock (_output)
        {
            _results.Add(result);
        }

        if (!Text)
        {
            return;
        }

        lock (_output)
        {
            var verb = result.Job.Action == PlanAction.Remove ? "removed" : "registered";
            var line = result.Outcome switch
            {
                ApplyOutcome.Applied when result.Job.Action == PlanAction.Remove => $"[green]{verb}[/] {Markup.Escape(result.Job.JobId)}",
                ApplyOutcome.Applied => $"[green]{verb}[/] {Markup.Escape(result.Job.JobId)} (version {result.Job.ExpectedVersion})",
                ApplyOutcome.Failed => $"[red]failed[/] {Markup.Escape(result.Job.JobId)}: {Markup.Escape(result.Message)}",
                _ => $"[yellow]skipped[/] {Markup.Escape(result.Job.JobId)}: {Markup.Escape(result.Message)}",
            };
            environment.Console.MarkupLine(line);
        }
    }
}
