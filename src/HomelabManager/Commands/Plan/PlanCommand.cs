using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Commands.Deploy;
using HomelabManager.Deployment;
using HomelabManager.Nodes.NixOs;
using Spectre.Console;

namespace HomelabManager.Commands.Plan;

/// <summary>
/// <c>plan [SERVICE…] [--detailed-exitcode] [--refresh]</c>: what deploy would do, with Nomad's field-level diff per
/// changed job; changes nothing. Unchanged jobs cost nothing (one list request in all); <c>--refresh</c> also plans
/// them with Nomad to find changes made outside homelab-manager (drift). Exit codes with <c>--detailed-exitcode</c>: 0 nothing pending, 2 changes pending
/// (creates, updates, removals, drift, conflicts), 1 any error (invalid input included, so 2 stays unambiguous).
/// </summary>
internal static class PlanCommand
{
    /// <summary>Exit code of <c>--detailed-exitcode</c> when changes are pending.</summary>
    public const int ChangesPending = 2;

    public static Command Create(CliContext context)
    {
        var services = new Argument<string[]>("SERVICE")
        {
            Description = "Services to plan (default: all, and removals are listed)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var detailed = new Option<bool>("--detailed-exitcode")
        {
            Description = "Exit 0 when nothing would change, 2 when changes are pending, 1 on errors",
        };
        var refresh = new Option<bool>("--refresh")
        {
            Description = "Also ask Nomad to plan every unchanged job, to find changes made outside homelab-manager (one request per job)",
        };
        var command = new Command("plan", "Show what deploy would change, with a field-level diff per changed job (changes nothing)") { services, detailed, refresh };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var detailedExit = parseResult.GetValue(detailed);
            var desired = HomelabInput.Select(environment, parseResult.GetValue(services) ?? []);
            if (desired is null)
            {
                return detailedExit ? ExitCodes.Failure : ExitCodes.InvalidInput;
            }

            using var clients = context.Clients(parseResult, environment);
            DeploymentPlan plan;
            try
            {
                plan = await new DeploymentPlanner(clients.Nomad).PlanAsync(
                    desired.Jobs,
                    new PlanRequest { IncludeRemovals = desired.IsWholeHomelab, DiffAll = parseResult.GetValue(refresh), DiffChanged = true },
                    cancellationToken);
            }
            catch (Clients.Http.ApiException exception)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return ExitCodes.Failure;
            }

            IReadOnlyList<Integrations.ExternalChange> dns = [];
            try
            {
                using var sync = await DnsSync.ForAsync(
                    desired.Integrations, ProviderAccess.Of(clients, environment, desired.Integrations?.Configuration), cancellationToken);
                if (sync is not null)
                {
                    dns = sync.Select(await sync.PlanAsync(cancellationToken), desired, prune: true);
                }
            }
            catch (DnsSyncException exception)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return ExitCodes.Failure;
            }

            var pending = plan.HasChanges || dns.Count > 0;
            var staleModules = desired.Homelab is { } homelab
                ? ModuleFreshness.Check(environment.Directory, homelab.Homelab.Configuration, homelab.Definitions)
                : [];
            if (environment.Output == OutputFormat.Json)
            {
                PlanView.WriteJson(environment.RawOut, plan, dns, json => NodeModuleView.WriteJson(json, environment, staleModules));
            }
            else
            {
                PlanView.WriteText(environment.Console, plan, diffs: true, showUnchanged: environment.Verbose);
                DnsChangeView.WriteText(environment.Console, "DNS record changes", dns);
                var dnsSummary = dns.Count > 0 ? $"; DNS: {DnsChangeView.Summary(dns)}" : string.Empty;
                environment.Console.MarkupLine(pending
                    ? $"Plan: {Markup.Escape(plan.Summary() + dnsSummary)}."
                    : $"No changes: {Markup.Escape(plan.Summary())}.");
                if (plan.Count(PlanAction.Remove) > 0)
                {
                    environment.Console.MarkupLine("Jobs to remove are only removed by [bold]deploy --prune[/].");
                }

                if (plan.Count(PlanAction.Drift) > 0)
                {
                    environment.Console.MarkupLine("Drifted jobs are left alone by deploy; [bold]deploy --force[/] takes them back.");
                }

                if (plan.Count(PlanAction.Conflict) > 0)
                {
                    environment.Console.MarkupLine("Jobs in conflict are refused by deploy; [bold]deploy --adopt[/] takes them over.");
                }

                if (dns.Any(c => c.Kind == Integrations.ExternalChangeKind.Delete))
                {
                    environment.Console.MarkupLine("DNS records of removed services are only deleted by [bold]deploy --prune[/].");
                }

                if (dns.Any(c => c.Kind == Integrations.ExternalChangeKind.Conflict))
                {
                    environment.Console.MarkupLine("DNS records in conflict are not managed by homelab-manager and are left unchanged.");
                }

                NodeModuleView.WriteText(environment, staleModules);
            }

            return detailedExit && pending ? ChangesPending : ExitCodes.Ok;
        });
        return command;
    }
}
