using System.CommandLine;
using System.Globalization;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Commands.Deploy;
using HomelabManager.Commands.Plan;
using HomelabManager.Definitions;
using HomelabManager.Deployment;
using Spectre.Console;

namespace HomelabManager.Commands.Update;

/// <summary>
/// <c>update SERVICE [--image TAG] [--detach] [--force]</c>: roll one deployed service to another image tag, or
/// (without <c>--image</c>) restart it with a fresh pull of its image, and watch the deployment.
/// </summary>
/// <remarks>
/// service.hcl is not edited. An <c>--image</c> roll gets a job hash of its own, so <c>plan</c> shows it as a pending
/// update and the next <c>deploy</c> returns the service to the definition's image unless service.hcl is changed
/// too; the command says so. A restart keeps the definition's hash (a Meta nonce plus <c>force_pull</c>, which
/// are bookkeeping), so it is not undone by the next deploy.
/// </remarks>
internal static class UpdateCommand
{
    public static Command Create(CliContext context)
    {
        var service = new Argument<string>("SERVICE") { Description = "The service to roll" };
        var image = new Option<string?>("--image")
        {
            Description = "New image tag (e.g. 1.28) or a whole image reference (e.g. nginx:1.28); default: pull the current image again",
            HelpName = "TAG",
        };
        var detach = new Option<bool>("--detach") { Description = "Register and return; do not watch the deployment" };
        var force = new Option<bool>("--force") { Description = "Roll the service even if its job was changed outside homelab-manager" };
        var command = new Command("update", "Roll one service to a new image tag, or restart it with a fresh image pull") { service, image, detach, force };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            var name = parseResult.GetValue(service)!;
            var desired = HomelabInput.Select(environment, [name]);
            if (desired is null)
            {
                return ExitCodes.InvalidInput;
            }

            var definition = desired.Services.Single();
            string? newImage = null;
            if (parseResult.GetValue(image) is { } requested)
            {
                newImage = ResolveImage(definition.Container.Image, requested);
                if (!ImageReference.IsValid(newImage))
                {
                    environment.ErrorConsole.MarkupLine($"[red]error:[/] \"{Markup.Escape(newImage)}\" is not a valid image reference.");
                    return ExitCodes.InvalidInput;
                }
            }

            using var clients = context.Clients(parseResult, environment);
            var time = environment.Host.ApiOptions?.TimeProvider ?? TimeProvider.System;
            return await RollAsync(environment, clients, desired, newImage, parseResult.GetValue(force), parseResult.GetValue(detach), time, cancellationToken);
        });
        return command;
    }

    /// <summary>A tag replaces the definition image's tag; a value with <c>:</c>, <c>/</c> or <c>@</c> is a whole reference.</summary>
    internal static string ResolveImage(string current, string requested)
    {
        if (requested.Contains(':', StringComparison.Ordinal) || requested.Contains('/', StringComparison.Ordinal) || requested.Contains('@', StringComparison.Ordinal))
        {
            return requested;
        }

        var withoutDigest = current.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        var repository = colon > slash ? withoutDigest[..colon] : withoutDigest;
        return repository + ":" + requested;
    }

    private static async Task<int> RollAsync(
        CommandEnvironment environment, ClusterClients clients, DesiredState desired, string? newImage, bool force, bool detach, TimeProvider time, CancellationToken cancellationToken)
    {
        var definition = desired.Services.Single();
        var preflight = new DeploymentPreflight(clients.Nomad, () => clients.Vault, desired.Options);
        var problems = await preflight.CheckAsync(desired.Services, cancellationToken);
        if (problems.Count > 0)
        {
            return DeployReport.Refuse(environment, problems, "Nothing was applied.");
        }

        var own = desired.Jobs.First(j => j.Id == definition.Name);
        DeploymentPlan plan;
        try
        {
            plan = await new DeploymentPlanner(clients.Nomad).PlanAsync([own], new PlanRequest { InspectAll = true, Force = force }, cancellationToken);
        }
        catch (ApiException exception)
        {
            return DeployReport.Refuse(environment, [exception.Message], "Nothing was applied.");
        }

        var entry = plan.Jobs.Single();
        switch (entry.Action)
        {
            case PlanAction.Create:
                return DeployReport.Refuse(environment, [$"{entry.JobId} is not deployed yet"], $"Nothing was applied; run 'homelab-manager deploy {entry.JobId}' first.");
            case PlanAction.Conflict:
            case PlanAction.Drift:
                if (environment.Output == OutputFormat.Text)
                {
                    PlanView.WriteJob(environment.ErrorConsole, entry, entry.JobId.Length, diff: true);
                }

                return DeployReport.Refuse(
                    environment,
                    [$"{entry.JobId}: {PlanView.Name(entry.Action)}: {entry.Reason}"],
                    entry.Action == PlanAction.Drift ? "Nothing was applied (--force rolls it anyway)." : "Nothing was applied (deploy --adopt takes it over first).");
        }

        var job = JobBookkeeping.ForRegister(own.Job, entry.ExpectedVersion);
        job = newImage is null
            ? JobBookkeeping.WithRestart(job, time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture))
            : JobBookkeeping.WithImage(job, newImage);
        var planned = entry with
        {
            Action = PlanAction.Update,
            Job = job,
            Reason = newImage is null ? "restart with a fresh image pull" : $"image {newImage}",
        };
        if (environment.Output == OutputFormat.Text && entry.Action == PlanAction.Update && !entry.Forced)
        {
            environment.Console.MarkupLine(
                $"note: {Markup.Escape(entry.JobId)} differs from its last deploy ({Markup.Escape(entry.Reason)}); those changes roll out too.");
        }

        IReadOnlyList<string> volumesCreated;
        try
        {
            volumesCreated = await preflight.EnsureVolumesAsync(desired.Services, cancellationToken);
        }
        catch (ApiException exception)
        {
            return DeployReport.Refuse(environment, [$"creating host volumes failed: {exception.Message}"], "Nothing was applied.");
        }

        var apply = (await new DeploymentApplier(clients.Nomad, 1).RegisterAsync([planned], cancellationToken: cancellationToken)).Single();
        WatchResult? watch = null;
        if (apply.Outcome == ApplyOutcome.Applied && !detach)
        {
            var watcher = new DeploymentWatcher(clients.Nomad, time);
            watch = (await DeploymentProgressView.WatchAsync(environment, watcher, [(planned.JobId, planned.ExpectedVersion, apply.JobModifyIndex)], cancellationToken)).Single();
        }

        var row = DeployReport.ForWrite(apply, watch, detach);
        if (environment.Output == OutputFormat.Json)
        {
            DeployReport.WriteJson(environment.RawOut, [row], volumesCreated, []);
        }
        else
        {
            DeployReport.WriteText(environment.Console, [row], volumesCreated);
            if (apply.Outcome == ApplyOutcome.Applied)
            {
                environment.Console.MarkupLine(newImage is null
                    ? $"{Markup.Escape(definition.Name)} was restarted with a fresh pull of {Markup.Escape(definition.Container.Image)}."
                    : $"{Markup.Escape(definition.Name)} now runs {Markup.Escape(newImage)}. Its service.hcl still says {Markup.Escape(definition.Container.Image)}: "
                        + $"the next deploy returns it to {Markup.Escape(definition.Container.Image)} unless you change the image there (plan shows it as a pending update).");
            }
        }

        return row.Ok ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
