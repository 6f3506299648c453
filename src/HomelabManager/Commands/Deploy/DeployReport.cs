using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Commands.Plan;
using HomelabManager.Deployment;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>One row of the deploy summary.</summary>
/// <param name="Job">The planned job.</param>
/// <param name="Result">A short word: <c>deployed</c>, <c>registered</c>, <c>unchanged</c>, <c>failed</c>, <c>rolled back</c>, <c>not applied</c>, <c>removed</c>, …</param>
/// <param name="Detail">Why, or what follows.</param>
/// <param name="Ok">False when it makes the command fail.</param>
/// <param name="Applied">True when Nomad accepted a write for this job.</param>
/// <param name="Apply">The register or stop result, when one was attempted.</param>
/// <param name="Watch">The deployment result, when it was watched.</param>
internal sealed record DeployRow(PlannedJob Job, string Result, string Detail, bool Ok, bool Applied, ApplyResult? Apply = null, WatchResult? Watch = null);

/// <summary>The end of a deploy (or update): a summary table and exact applied / not-applied lists, or JSON.</summary>
internal static class DeployReport
{
    /// <summary>The row of a job that was registered (or not).</summary>
    public static DeployRow ForWrite(ApplyResult apply, WatchResult? watch, bool detached)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var job = apply.Job;
        if (apply.Outcome != ApplyOutcome.Applied)
        {
            return new DeployRow(job, "not applied", apply.Message, Ok: false, Applied: false, apply);
        }

        if (detached || watch is null)
        {
            return new DeployRow(job, "registered", $"version {job.ExpectedVersion}; deployment not watched (--detach)", Ok: true, Applied: true, apply);
        }

        return watch.Status switch
        {
            WatchStatus.Successful => new DeployRow(job, "deployed", $"version {job.ExpectedVersion} healthy", true, true, apply, watch),
            WatchStatus.RolledBack => new DeployRow(
                job, "rolled back", $"version {job.ExpectedVersion} failed; Nomad reverted to version {watch.RevertedToVersion} ({watch.RevertStatus ?? "rollback not found"})", false, true, apply, watch),
            _ => new DeployRow(job, "failed", watch.Description, false, true, apply, watch),
        };
    }

    /// <summary>The DNS part of the summary: what was applied, what conflicts were left alone, what was not applied.</summary>
    public static void WriteDnsText(IAnsiConsole console, DnsReport dns)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(dns);
        DnsChangeView.WriteText(console, $"DNS records applied ({dns.Provider})", dns.Applied);
        DnsChangeView.WriteText(console, "DNS conflicts (not managed by homelab-manager, left unchanged)", dns.Conflicts);
        DnsChangeView.WriteText(console, "DNS changes not applied", dns.NotApplied);
        if (dns.Error is null && dns.Applied.Count == 0 && dns.Conflicts.Count == 0 && dns.NotApplied.Count == 0)
        {
            console.MarkupLine($"DNS records ({Markup.Escape(dns.Provider)}) up to date.");
        }
    }

    /// <summary>Prints the table and, when something failed, exactly which jobs were applied and which were not.</summary>
    public static void WriteText(IAnsiConsole console, IReadOnlyList<DeployRow> rows, IReadOnlyList<string> volumesCreated)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("JOB", "ACTION", "RESULT", "DETAIL");
        foreach (var row in rows)
        {
            var colour = !row.Ok ? "red" : row.Result == "unchanged" ? "grey" : "green";
            table.AddRow(
                Markup.Escape(row.Job.JobId),
                PlanView.Name(row.Job.Action),
                $"[{colour}]{Markup.Escape(row.Result)}[/]",
                Markup.Escape(row.Detail));
        }

        console.Write(table);
        if (volumesCreated.Count > 0)
        {
            console.MarkupLine($"Host volumes created: {Markup.Escape(string.Join(", ", volumesCreated))}");
        }

        var attempted = rows.Where(r => r.Apply is not null).ToList();
        if (attempted.Any(r => !r.Ok))
        {
            var applied = attempted.Where(r => r.Applied).Select(r => r.Job.JobId).ToList();
            var notApplied = attempted.Where(r => !r.Applied).Select(r => r.Job.JobId).ToList();
            console.MarkupLine($"Applied: {Markup.Escape(applied.Count == 0 ? "none" : string.Join(", ", applied))}");
            console.MarkupLine($"Not applied: {Markup.Escape(notApplied.Count == 0 ? "none" : string.Join(", ", notApplied))}");
            console.MarkupLine("Running the command again continues from here: applied jobs are not written twice.");
        }
    }

    /// <summary>The summary as JSON on standard output.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<DeployRow> rows, IReadOnlyList<string> volumesCreated, IReadOnlyList<string> problems, DnsReport? dns = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("success", problems.Count == 0 && rows.All(r => r.Ok));
            WriteStrings(json, "problems", problems);
            WriteStrings(json, "applied", [.. rows.Where(r => r.Apply is not null && r.Applied).Select(r => r.Job.JobId)]);
            WriteStrings(json, "notApplied", [.. rows.Where(r => r.Apply is not null && !r.Applied).Select(r => r.Job.JobId)]);
            WriteStrings(json, "volumesCreated", volumesCreated);
            if (dns is not null)
            {
                json.WriteStartObject("dns");
                json.WriteString("provider", dns.Provider);
                DnsChangeView.WriteJson(json, "applied", dns.Applied);
                DnsChangeView.WriteJson(json, "conflicts", dns.Conflicts);
                DnsChangeView.WriteJson(json, "notApplied", dns.NotApplied);
                if (dns.Error is { } error)
                {
                    json.WriteString("error", error);
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("jobs");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", row.Job.JobId);
                json.WriteString("service", row.Job.Service);
                json.WriteString("action", PlanView.Name(row.Job.Action));
                json.WriteString("result", row.Result);
                json.WriteString("detail", row.Detail);
                json.WriteBoolean("ok", row.Ok);
                if (row.Job.IsWrite)
                {
                    json.WriteNumber("version", row.Job.ExpectedVersion);
                }

                if (row.Apply is { EvalId.Length: > 0 } apply)
                {
                    json.WriteString("evalId", apply.EvalId);
                }

                if (row.Watch is { } watch)
                {
                    json.WriteStartObject("deployment");
                    json.WriteString("id", watch.DeploymentId);
                    json.WriteString("status", StatusName(watch.Status));
                    json.WriteString("description", watch.Description);
                    if (watch.RevertedToVersion is { } reverted)
                    {
                        json.WriteNumber("revertedToVersion", reverted);
                        json.WriteString("revertStatus", watch.RevertStatus);
                    }

                    json.WriteStartArray("failedTasks");
                    foreach (var task in watch.FailedTasks ?? [])
                    {
                        json.WriteStartObject();
                        json.WriteString("allocation", task.AllocationId);
                        json.WriteString("name", task.Name);
                        json.WriteString("task", task.Task);
                        WriteStrings(json, "events", [.. task.Events.Select(e => $"{e.Type}: {(e.DisplayMessage.Length > 0 ? e.DisplayMessage : e.Message)}")]);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Prints problems that stopped the command before any write.</summary>
    public static int Refuse(CommandEnvironment environment, IReadOnlyList<string> problems, string conclusion)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(problems);
        if (environment.Output == OutputFormat.Json)
        {
            WriteJson(environment.RawOut, [], [], [.. problems, conclusion]);
        }
        else
        {
            foreach (var problem in problems)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(problem)}");
            }

            environment.ErrorConsole.MarkupLine(Markup.Escape(conclusion));
        }

        return ExitCodes.Failure;
    }

    private static string StatusName(WatchStatus status) => status switch
    {
        WatchStatus.Successful => "successful",
        WatchStatus.RolledBack => "rolled-back",
        WatchStatus.Cancelled => "cancelled",
        WatchStatus.NoDeployment => "no-deployment",
        _ => "failed",
    };

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}

/// <summary>The DNS outcome of a deploy.</summary>
/// <param name="Provider">The dns provider's name.</param>
/// <param name="Applied">Changes made.</param>
/// <param name="Conflicts">Records in the way that homelab-manager does not own (left unchanged).</param>
/// <param name="NotApplied">Planned changes not made (an error or failed jobs stopped them, or deletions without --prune).</param>
/// <param name="Error">Why DNS could not be synced, or null.</param>
internal sealed record DnsReport(
    string Provider,
    IReadOnlyList<Integrations.ExternalChange> Applied,
    IReadOnlyList<Integrations.ExternalChange> Conflicts,
    IReadOnlyList<Integrations.ExternalChange> NotApplied,
    string? Error);
