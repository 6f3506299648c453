using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Hcl.Diagnostics;
using Spectre.Console;

namespace HomelabManager.Commands.Validate;

/// <summary><c>validate</c>: parse and check everything offline; print every diagnostic; exit 2 on any error.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("validate", "Check homelab.yaml and every service definition offline; print every problem");
        context.SetAction(command, (_, environment) =>
        {
            var homelab = HomelabInput.Load(environment);
            if (homelab.HasErrors)
            {
                return ExitCodes.InvalidInput;
            }

            if (environment.Output == OutputFormat.Text)
            {
                var warnings = homelab.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                var services = homelab.Services.Count == 1 ? "1 service" : $"{homelab.Services.Count} services";
                var suffix = warnings == 0 ? string.Empty : warnings == 1 ? " (1 warning)" : $" ({warnings} warnings)";
                environment.Console.MarkupLine($"[green]✓[/] homelab.yaml and {services} are valid{suffix}.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
