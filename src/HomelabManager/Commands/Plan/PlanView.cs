using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Deployment;
using Spectre.Console;

namespace HomelabManager.Commands.Plan;

/// <summary>How a <see cref="DeploymentPlan"/> is shown: readable lines with field diffs, or JSON.</summary>
internal static class PlanView
{
    /// <summary>The action word of <paramref name="action"/> in output and JSON.</summary>
    public static string Name(PlanAction action) => action switch
    {
        PlanAction.Create => "create",
        PlanAction.Update => "update",
        PlanAction.Unchanged => "unchanged",
        PlanAction.Remove => "remove",
        PlanAction.Drift => "drift",
        _ => "conflict",
    };

    /// <summary>Writes every job of <paramref name="plan"/>; <paramref name="diffs"/> adds Nomad's field diffs.</summary>
    public static void WriteText(IAnsiConsole console, DeploymentPlan plan, bool diffs, bool showUnchanged)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        var width = plan.Jobs.Select(j => j.JobId.Length).DefaultIfEmpty(0).Max();
        foreach (var job in plan.Jobs)
        {
            if (job.Action == PlanAction.Unchanged && !showUnchanged)
            {
                continue;
            }

            WriteJob(console, job, width, diffs || job.Action == PlanAction.Drift);
        }
    }

    /// <summary>One job: its marker, ID, action and reason, then (optionally) the diff and placement problems.</summary>
    public static void WriteJob(IAnsiConsole console, PlannedJob job, int width, bool diff)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(job);
        var (marker, colour) = Style(job.Action);
        var id = Markup.Escape(job.JobId.PadRight(width));
        console.MarkupLine($"[{colour}]{marker} {id}[/]  {Name(job.Action)}: {Markup.Escape(job.Reason.Length > 0 ? job.Reason : Name(job.Action))}");
        if (diff && job.Action is not PlanAction.Create and not PlanAction.Remove)
        {
            foreach (var line in PlanDiffText.Lines(job.Diff))
            {
                console.MarkupLine($"    [{Style(line.Marker).Colour}]{Markup.Escape(line.ToString())}[/]");
            }
        }

        foreach (var (group, metric) in job.PlacementFailures ?? new Dictionary<string, Clients.Nomad.NomadAllocMetric>())
        {
            var exhausted = metric.DimensionExhausted is { Count: > 0 } dimensions
                ? "; exhausted: " + string.Join(", ", dimensions.Select(d => $"{d.Key} on {d.Value} node(s)"))
                : string.Empty;
            console.MarkupLine(
                $"    [yellow]warning:[/] Nomad could not place group \"{Markup.Escape(group)}\" ({metric.NodesEvaluated} node(s) evaluated, {metric.NodesFiltered} filtered{Markup.Escape(exhausted)})");
        }
    }

    /// <summary>The plan as JSON on standard output.</summary>
    public static void WriteJson(TextWriter output, DeploymentPlan plan, IReadOnlyList<Integrations.ExternalChange>? dns = null, Action<Utf8JsonWriter>? writeMore = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("pending", plan.HasChanges || dns is { Count: > 0 });
            json.WriteStartObject("summary");
            foreach (var action in Enum.GetValues<PlanAction>())
            {
                json.WriteNumber(Name(action), plan.Count(action));
            }

            json.WriteEndObject();
            json.WriteStartArray("jobs");
            foreach (var job in plan.Jobs)
            {
                WriteJobJson(json, job);
            }

            json.WriteEndArray();
            DnsChangeView.WriteJson(json, "dns", dns ?? []);
            writeMore?.Invoke(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>One job as a JSON object (shared with the deploy summary).</summary>
    public static void WriteJobJson(Utf8JsonWriter json, PlannedJob job)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(job);
        json.WriteStartObject();
        json.WriteString("id", job.JobId);
        json.WriteString("service", job.Service);
        json.WriteString("action", Name(job.Action));
        json.WriteString("reason", job.Reason);
        if (job.LiveVersion is { } live)
        {
            json.WriteNumber("liveVersion", live);
        }

        if (job.IsWrite)
        {
            json.WriteNumber("expectedVersion", job.ExpectedVersion);
        }

        json.WriteStartArray("diff");
        foreach (var line in PlanDiffText.Lines(job.Diff))
        {
            json.WriteStringValue(line.ToString());
        }

        json.WriteEndArray();
        json.WriteStartArray("placementFailures");
        foreach (var group in job.PlacementFailures?.Keys ?? [])
        {
            json.WriteStringValue(group);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (char Marker, string Colour) Style(PlanAction action) => action switch
    {
        PlanAction.Create => ('+', "green"),
        PlanAction.Update => ('~', "yellow"),
        PlanAction.Remove => ('-', "red"),
        PlanAction.Drift => ('!', "red"),
        PlanAction.Conflict => ('x', "red"),
        _ => ('=', "grey"),
    };

    private static (char Marker, string Colour) Style(char marker) => marker switch
    {
        '+' => ('+', "green"),
        '-' => ('-', "red"),
        _ => ('~', "yellow"),
    };
}
