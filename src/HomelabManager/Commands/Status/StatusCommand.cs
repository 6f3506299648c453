using System.CommandLine;
using System.Globalization;
using HomelabManager.Cli;
using HomelabManager.Operations;
using Spectre.Console;

namespace HomelabManager.Commands.Status;

/// <summary>
/// <c>status [SERVICE…]</c>: per service the job status, allocations running/desired, Consul health,
/// public URL and image. Services never deployed show as <c>not deployed</c>; without names, managed
/// jobs that have no definition any more show as <c>not in homelab</c>.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Argument<string[]>("SERVICE")
        {
            Description = "Services to show (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("status", "Show each service's job status, allocations, Consul health, public URL and image") { services };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var names = parseResult.GetValue(services) ?? [];
            var selection = ServiceSelection.Load(environment, names);
            if (selection is null)
            {
                return ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            var report = await new StatusCollector(clients.Nomad, clients.Consul).CollectAsync(selection, includeOrphans: names.Length == 0, cancellationToken);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
            }
            else
            {
                Print(report, environment);
            }

            if (report.ConsulError is { } error)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] Consul health is unavailable: {Markup.Escape(error)}");
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(StatusReport report, CommandEnvironment environment)
    {
        if (report.Services.Count == 0)
        {
            environment.Console.MarkupLine("No services in this homelab.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("SERVICE")
            .AddColumn("STATUS")
            .AddColumn(new TableColumn("ALLOCS").RightAligned())
            .AddColumn("HEALTH")
            .AddColumn("URL")
            .AddColumn("IMAGE");
        foreach (var row in report.Services)
        {
            table.AddRow(
                Markup.Escape(row.Service),
                StatusMarkup(row.Status),
                row.Deployed ? string.Create(CultureInfo.InvariantCulture, $"{row.Allocations.Running}/{row.Allocations.Desired}") : "-",
                HealthMarkup(row, report.ConsulError is not null),
                Markup.Escape(row.Url ?? "-"),
                Markup.Escape(row.Image ?? "-"));
        }

        environment.Console.Write(table);
    }

    private static string StatusMarkup(string status) => status switch
    {
        "running" => "[green]running[/]",
        "pending" => "[yellow]pending[/]",
        "dead" or "stopped" => $"[red]{status}[/]",
        _ => $"[grey]{Markup.Escape(status)}[/]",
    };

    private static string HealthMarkup(ServiceStatus row, bool consulFailed)
    {
        if (!row.Deployed)
        {
            return "-";
        }

        if (row.Health is not { } health)
        {
            return consulFailed ? "[yellow]unavailable[/]" : "-";
        }

        var text = Markup.Escape(health.ToString());
        return health.Critical > 0 ? $"[red]{text}[/]" : health.Warning > 0 ? $"[yellow]{text}[/]" : health.Passing > 0 ? $"[green]{text}[/]" : $"[grey]{text}[/]";
    }
}
