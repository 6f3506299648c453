using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Commands.Deploy;
using HomelabManager.Homelab;
using HomelabManager.Operations;
using Spectre.Console;
using VaultSettings = HomelabManager.Configuration.VaultSettings;

namespace HomelabManager.Commands.Doctor;

/// <summary>
/// <c>doctor</c>: checks that Nomad, Consul and Vault are reachable, led, recent enough, that the tokens may do
/// what the tool needs, that a client runs docker, that dynamic host volumes exist and that homelab.yaml's KV
/// mount is there with its version; then the configured providers (<see cref="IntegrationChecks"/>). Each check
/// prints ✓ or ✗ and a fix; exit 1 when any fails.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Check reachability, versions, ACL rights and client features of Nomad, Consul and Vault");
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var homelab = LoadHomelab(environment);
            var settings = homelab?.Configuration?.Homelab.Vault ?? VaultSettings.Default;
            using var clients = context.Clients(parseResult, environment);

            // The three systems and the providers' APIs are independent: check them at the same time.
            var results = await Task.WhenAll(
                NomadChecks.RunAsync(clients.Nomad, cancellationToken),
                ConsulChecks.RunAsync(clients.Consul, cancellationToken),
                VaultChecks.RunAsync(clients.Vault, settings, homelab?.Configuration is not null, cancellationToken),
                IntegrationChecks.RunAsync(homelab, () => ProviderAccess.Of(clients, environment, homelab?.Configuration), cancellationToken));
            var checks = results.SelectMany(r => r).ToList();
            var report = new DoctorReport(checks.All(c => c.Status != CheckStatus.Fail), checks);
            if (environment.Output == OutputFormat.Json)
            {
                environment.RawOut.WriteLine(OperationsJson.Serialize(report));
            }
            else
            {
                Print(report, environment.Console);
            }

            return report.Healthy ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>The homelab of the folder when it has a homelab.yaml (its problems are printed), else null.</summary>
    private static LoadedHomelab? LoadHomelab(CommandEnvironment environment) =>
        File.Exists(Path.Combine(environment.Directory, "homelab.yaml"))
            ? HomelabInput.Load(environment, reportWhenValid: false)
            : null;

    private static void Print(DoctorReport report, IAnsiConsole console)
    {
        foreach (var component in report.Checks.GroupBy(c => c.Component))
        {
            console.MarkupLine($"[bold]{Markup.Escape(component.Key)}[/]");
            foreach (var check in component)
            {
                var mark = check.Status switch
                {
                    CheckStatus.Pass => "[green]✓[/]",
                    CheckStatus.Fail => "[red]✗[/]",
                    _ => "[grey]-[/]",
                };
                console.MarkupLine($"  {mark} {Markup.Escape(check.Check)}: {Markup.Escape(check.Detail)}");
                if (check.Hint is { } hint)
                {
                    console.MarkupLine($"      [yellow]fix:[/] {Markup.Escape(hint)}");
                }
            }
        }

        var failed = report.Checks.Count(c => c.Status == CheckStatus.Fail);
        console.MarkupLine(failed == 0
            ? "[green]All checks passed.[/]"
            : $"[red]{failed} check{(failed == 1 ? string.Empty : "s")} failed.[/]");
    }
}
