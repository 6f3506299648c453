using System.CommandLine;
using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Commands.Deploy;
using HomelabManager.Commands.Plan;
using HomelabManager.Deployment;
using HomelabManager.Homelab;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Remove;

/// <summary>
/// <c>remove SERVICE [--purge] [--delete-volumes] [--yes]</c>: stop a service's job (only a job homelab-manager
/// created), optionally purge it, and delete its host volumes only with <c>--delete-volumes</c>. Works without a
/// valid homelab folder: the job's own spec says which volumes it used.
/// </summary>
internal static class RemoveCommand
{
    public static Command Create(CliContext context)
    {
        var service = new Argument<string>("SERVICE") { Description = "The service (job ID) to stop" };
        var purge = new Option<bool>("--purge") { Description = "Also purge the job from Nomad (its history is gone)" };
        var deleteVolumes = new Option<bool>("--delete-volumes") { Description = "Also delete the service's host volumes (their data is lost)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before deleting volumes on a terminal" };
        var command = new Command("remove", "Stop a service's job; purge it and delete its volumes on request") { service, purge, deleteVolumes, yes };
        context.SetAction(command, async (parseResult, environment, cancellationToken) =>
        {
            using var clients = context.Clients(parseResult, environment);
            var time = environment.Host.ApiOptions?.TimeProvider ?? TimeProvider.System;
            var run = new RemoveRun(environment, clients.Nomad, time)
            {
                ProviderAccess = configuration => Deploy.ProviderAccess.Of(clients, environment, configuration),
                Purge = parseResult.GetValue(purge),
                DeleteVolumes = parseResult.GetValue(deleteVolumes),
                Yes = parseResult.GetValue(yes),
            };
            try
            {
                return await run.RunAsync(parseResult.GetValue(service)!, cancellationToken);
            }
            catch (ApiException exception)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}

/// <summary>One remove.</summary>
internal sealed class RemoveRun(CommandEnvironment environment, INomadClient nomad, TimeProvider time)
{
    public bool Purge { get; init; }

    public bool DeleteVolumes { get; init; }

    public bool Yes { get; init; }

    /// <summary>How the dns provider of a homelab (its configuration given) reads its credentials; null: DNS records are left alone.</summary>
    public Func<Configuration.HomelabConfiguration?, ExternalAccess>? ProviderAccess { get; init; }

    /// <summary>Longest wait for the job's allocations to stop before volumes are deleted.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = (await nomad.ReadJobAsync(jobId, cancellationToken: cancellationToken))?.Value;
        if (job is null)
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] Nomad has no job \"{Markup.Escape(jobId)}\"; nothing to remove.");
            return ExitCodes.Failure;
        }

        if (!DeploymentPlanner.IsManaged(job.Meta))
        {
            environment.ErrorConsole.MarkupLine(
                $"[red]error:[/] the job \"{Markup.Escape(jobId)}\" was not created by homelab-manager (no Meta managed-by = homelab-manager); refusing to stop it.");
            return ExitCodes.Failure;
        }

        // The dns provider is set up (its credentials read) before anything is stopped.
        (DnsSync? Sync, IReadOnlySet<string> Hosts) dns;
        try
        {
            dns = await OpenDnsAsync(jobId, cancellationToken);
        }
        catch (DnsSyncException exception)
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
            environment.ErrorConsole.MarkupLine("Nothing was stopped.");
            return ExitCodes.Failure;
        }

        using (dns.Sync)
        {
            return await RemoveAsync(jobId, job, dns.Sync, dns.Hosts, cancellationToken);
        }
    }

    private async Task<int> RemoveAsync(string jobId, NomadJobDetail job, DnsSync? dns, IReadOnlySet<string> hosts, CancellationToken cancellationToken)
    {
        var volumes = (job.TaskGroups ?? [])
            .SelectMany(g => g.Volumes?.Values ?? [])
            .Where(v => v.Type == "host" && v.Source.Length > 0)
            .Select(v => v.Source)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (DeleteVolumes && volumes.Count > 0 && Confirmation.CanAsk(environment, Yes)
            && !Confirmation.Ask(environment, $"Delete host volume(s) {string.Join(", ", volumes)} of {jobId}? Their data is lost."))
        {
            environment.Console.MarkupLine("Cancelled; nothing was changed.");
            return ExitCodes.Failure;
        }

        var stopped = false;
        if (!job.Stop || Purge)
        {
            await nomad.StopJobAsync(jobId, Purge, cancellationToken);
            stopped = true;
        }

        var deleted = new List<string>();
        if (DeleteVolumes && volumes.Count > 0)
        {
            await WaitForStopAsync(jobId, cancellationToken);
            var existing = await nomad.ListHostVolumesAsync(cancellationToken: cancellationToken);
            foreach (var volume in existing.Where(v => volumes.Contains(v.Name, StringComparer.Ordinal)).OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                await nomad.DeleteHostVolumeAsync(volume.Id, cancellationToken);
                deleted.Add(volume.Name);
            }
        }

        var kept = DeleteVolumes ? [] : volumes;
        var definitionLeft = Directory.Exists(Path.Combine(environment.Directory, "services", jobId));
        var (dnsDeleted, dnsError) = dns is null ? ([], null) : await RemoveDnsAsync(dns, hosts, cancellationToken);
        var exitCode = dnsError is null ? ExitCodes.Ok : ExitCodes.Failure;
        if (environment.Output == OutputFormat.Json)
        {
            WriteJson(jobId, stopped, deleted, kept, definitionLeft, dnsDeleted, dnsError);
            return exitCode;
        }

        environment.Console.MarkupLine(stopped
            ? $"{(Purge ? "stopped and purged" : "stopped")} [bold]{Markup.Escape(jobId)}[/]"
            : $"[bold]{Markup.Escape(jobId)}[/] was already stopped");
        if (deleted.Count > 0)
        {
            environment.Console.MarkupLine($"deleted host volume(s): {Markup.Escape(string.Join(", ", deleted))}");
        }

        if (kept.Count > 0)
        {
            environment.Console.MarkupLine($"kept host volume(s): {Markup.Escape(string.Join(", ", kept))} (--delete-volumes deletes them)");
        }

        DnsChangeView.WriteText(environment.Console, "DNS records deleted", dnsDeleted);
        if (definitionLeft)
        {
            environment.Console.MarkupLine(
                $"note: services/{Markup.Escape(jobId)} still exists, so the next deploy starts {Markup.Escape(jobId)} again; delete that folder to remove it for good.");
        }

        if (dnsError is not null)
        {
            environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(dnsError)}");
        }

        return exitCode;
    }

    /// <summary>
    /// The dns and vpn providers' sync and the service's public host names, or no sync when there is no valid homelab
    /// with a dns or vpn provider (nothing is done then). The host names come from the service's definition, or are
    /// <c>&lt;service&gt;.&lt;domain&gt;</c> when its folder is already gone. Throws <see cref="DnsSyncException"/> when a
    /// provider cannot be set up (e.g. a missing secret).
    /// </summary>
    private async Task<(DnsSync? Sync, IReadOnlySet<string> Hosts)> OpenDnsAsync(string jobId, CancellationToken cancellationToken)
    {
        (DnsSync? Sync, IReadOnlySet<string> Hosts) none = (null, new HashSet<string>());
        var homelab = HomelabLoader.Load(environment.Directory, new HostVariables(environment.Host), environment.Relative);
        if (ProviderAccess is null || homelab.HasErrors || homelab.Configuration is not { } configuration || (configuration.Dns is null && configuration.Vpn is null))
        {
            return none;
        }

        var built = HomelabJobs.Build(homelab);
        if (built.HasErrors)
        {
            return none;
        }

        var dns = await DnsSync.ForAsync(built.Integrations, ProviderAccess(homelab.Configuration), cancellationToken);
        if (dns is null)
        {
            return none;
        }

        var definitions = built.Definitions.Where(d => d.Name == jobId).ToList();
        return (dns, definitions.Count > 0 ? dns.HostsOf(definitions) : new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"{jobId}.{dns.Domain}" });
    }

    /// <summary>Deletes the DNS records homelab-manager owns at <paramref name="hosts"/> (never anyone else's).</summary>
    private static async Task<(IReadOnlyList<ExternalChange> Deleted, string? Error)> RemoveDnsAsync(DnsSync dns, IReadOnlySet<string> hosts, CancellationToken cancellationToken)
    {
        try
        {
            var wanted = dns.Wanted with
            {
                DnsRecords = [.. dns.Wanted.DnsRecords.Where(r => !hosts.Contains(r.Name))],
                TunnelIngress = [.. dns.Wanted.TunnelIngress.Where(r => !hosts.Contains(r.Hostname))],
            };
            var deletions = (await dns.PlanAsync(cancellationToken, wanted))
                .Where(c => c.Kind == ExternalChangeKind.Delete && hosts.Contains(DnsSync.NameOf(c)))
                .ToList();
            return (await dns.ApplyAsync(deletions, cancellationToken, wanted), null);
        }
        catch (DnsSyncException exception)
        {
            return ([], exception.Message);
        }
    }

    /// <summary>Waits (blocking queries) until none of the job's allocations is pending or running, or the timeout passes.</summary>
    private async Task WaitForStopAsync(string jobId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + StopTimeout;
        ulong index = 0;
        while (true)
        {
            var allocations = await nomad.ListJobAllocationsAsync(jobId, query: new NomadQueryOptions(index, TimeSpan.FromSeconds(30)), cancellationToken: cancellationToken);
            if (!allocations.Value.Any(a => a.ClientStatus is "pending" or "running") || time.GetUtcNow() >= deadline)
            {
                return;
            }

            index = allocations.Index;
        }
    }

    private void WriteJson(
        string jobId, bool stopped, IReadOnlyList<string> deleted, IReadOnlyList<string> kept, bool definitionLeft, IReadOnlyList<ExternalChange> dnsDeleted, string? dnsError)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("job", jobId);
            json.WriteBoolean("stopped", stopped);
            json.WriteBoolean("purged", stopped && Purge);
            json.WriteStartArray("volumesDeleted");
            deleted.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("volumesKept");
            kept.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteBoolean("definitionStillPresent", definitionLeft);
            DnsChangeView.WriteJson(json, "dnsDeleted", dnsDeleted);
            if (dnsError is not null)
            {
                json.WriteString("dnsError", dnsError);
            }

            json.WriteEndObject();
        }

        environment.RawOut.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
