using System.CommandLine;
using System.Globalization;
using HomelabManager.Cli;
using HomelabManager.Operations;
using Spectre.Console;

namespace HomelabManager.Commands.Metrics;

/// <summary><c>metrics [SERVICE…]</c>: CPU (MHz) and memory (MiB) each running allocation uses against what its job reserves.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Argument<string[]>("SERVICE")
        {
            Description = "Services to measure (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("metrics", "Show CPU and memory each allocation uses against what was reserved") { services };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var selection = ServiceSelection.Load(environment, parseResult.GetValue(services) ?? []);
            if (selection is null)
            {
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var report = await new MetricsCollector(clients.Nomad).CollectAsync(selection.Services, cancellationToken);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
            }
            else
            {
                Print(report, environment);
            }

            var failed = report.Allocations.Where(a => a.Error is not null).ToList();
            foreach (var allocation in failed)
            {
                environment.ErrorConsole.MarkupLine(
                    $"[red]error:[/] no stats for allocation {ServiceAllocations.ShortId(allocation.Allocation)} of {Markup.Escape(allocation.Service)}: {Markup.Escape(allocation.Error!)}");
            }

            return failed.Count > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(MetricsReport report, CommandEnvironment environment)
    {
        if (report.Allocations.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("SERVICE")
                .AddColumn("ALLOC")
                .AddColumn("NODE")
                .AddColumn(new TableColumn("CPU (MHz)").RightAligned())
                .AddColumn(new TableColumn("CPU %").RightAligned())
                .AddColumn(new TableColumn("MEMORY (MiB)").RightAligned())
                .AddColumn(new TableColumn("MEMORY %").RightAligned());
            foreach (var row in report.Allocations)
            {
                table.AddRow(
                    Markup.Escape(row.Service),
                    Markup.Escape(ServiceAllocations.ShortId(row.Allocation)),
                    Markup.Escape(row.Node.Length > 0 ? row.Node : "-"),
                    Amount(row.Cpu),
                    Percent(row.Cpu),
                    Amount(row.Memory),
                    Percent(row.Memory));
            }

            environment.Console.Write(table);
        }

        if (report.NotRunning.Count > 0)
        {
            environment.Console.MarkupLine($"[grey]No running allocations: {Markup.Escape(string.Join(", ", report.NotRunning))}[/]");
        }
    }

    private static string Amount(ResourceFigure? figure) => figure is null
        ? "[yellow]unavailable[/]"
        : string.Create(CultureInfo.InvariantCulture, $"{figure.Used:0.#} / {figure.Reserved:0}");

    private static string Percent(ResourceFigure? figure) => figure?.Percent switch
    {
        null => "-",
        > 100 => string.Create(CultureInfo.InvariantCulture, $"[red]{figure.Percent:0.0}%[/]"),
        > 85 => string.Create(CultureInfo.InvariantCulture, $"[yellow]{figure.Percent:0.0}%[/]"),
        var percent => string.Create(CultureInfo.InvariantCulture, $"{percent:0.0}%"),
    };
}
