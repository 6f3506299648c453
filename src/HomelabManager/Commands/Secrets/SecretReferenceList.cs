using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Clients.Http;
using HomelabManager.Operations;
using HomelabManager.Secrets;
using Spectre.Console;

namespace HomelabManager.Commands.Secrets;

/// <summary>
/// <c>secrets list</c> without a path: every <c>vault:</c> reference of the homelab and whether its key
/// exists (one read per secret path). Exit 1 when any is missing, so scripts can check before a deploy.
/// </summary>
internal static class SecretReferenceList
{
    public static async Task<int> RunAsync(CliContext context, ParseResult parseResult, CommandEnvironment environment, CancellationToken cancellationToken)
    {
        var homelab = HomelabInput.Load(environment, reportWhenValid: false);
        if (homelab.HasErrors)
        {
            return ExitCodes.InvalidInput;
        }

        var references = HomelabSecretReferences.Collect(homelab);
        using var clients = context.Clients(parseResult, environment);
        var mounts = SecretsCommand.Mounts(clients.Vault, environment, homelab.Configuration?.Homelab.Vault);
        var statuses = new List<SecretReferenceStatus>(references.Count);
        foreach (var group in references.GroupBy(r => r.Reference.Path, StringComparer.Ordinal))
        {
            var (status, keys, detail) = await ReadAsync(clients, mounts, group.First().Reference, cancellationToken);
            foreach (var (reference, usedBy) in group)
            {
                var state = status ?? (keys!.Contains(reference.Key) ? "ok" : "missing key");
                statuses.Add(new SecretReferenceStatus(reference.ToString(), reference.Path, reference.Key, usedBy, state, detail));
            }
        }

        var report = new SecretListReport(null, [], [], null, statuses);
        if (environment.Output == OutputFormat.Json)
        {
            environment.RawOut.WriteLine(OperationsJson.Serialize(report));
        }
        else
        {
            Print(statuses, environment);
        }

        return statuses.All(s => s.Exists) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>A status for the whole secret (missing, deleted, unreadable), or null and its keys.</summary>
    private static async Task<(string? Status, HashSet<string>? Keys, string? Detail)> ReadAsync(
        ClusterClients clients, KvMounts mounts, VaultReference reference, CancellationToken cancellationToken)
    {
        try
        {
            var mount = await mounts.ResolveAsync(reference.Mount, cancellationToken);
            var secret = await clients.Vault.ReadSecretAsync(mount, reference.PathInMount, cancellationToken: cancellationToken);
            return secret switch
            {
                null => ("missing secret", null, null),
                { Values: null } => ("deleted", null, null),
                _ => (null, secret.Values.Keys.ToHashSet(StringComparer.Ordinal), null),
            };
        }
        catch (ApiException exception) when (exception.IsUserError)
        {
            // e.g. a path the token may not read: report it per reference, keep checking the others.
            return ("unreadable", null, exception.Message);
        }
        catch (SecretUsageException exception)
        {
            return ("unreadable", null, exception.Message);
        }
    }

    private static void Print(List<SecretReferenceStatus> statuses, CommandEnvironment environment)
    {
        if (statuses.Count == 0)
        {
            environment.Console.MarkupLine("The homelab references no Vault secrets.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(" ").AddColumn("REFERENCE").AddColumn("USED BY").AddColumn("STATUS");
        foreach (var status in statuses)
        {
            table.AddRow(
                status.Exists ? "[green]✓[/]" : "[red]✗[/]",
                Markup.Escape(status.Reference),
                Markup.Escape(string.Join("; ", status.UsedBy)),
                status.Exists ? "[green]ok[/]" : $"[red]{Markup.Escape(status.Status)}[/]" + (status.Detail is null ? string.Empty : $" [grey]{Markup.Escape(status.Detail)}[/]"));
        }

        environment.Console.Write(table);
        var missing = statuses.Where(s => !s.Exists).ToList();
        if (missing.Count > 0)
        {
            environment.Console.MarkupLine(
                $"{missing.Count} of {statuses.Count} missing; set each with: homelab-manager secrets set {Markup.Escape(missing[0].Path)} {Markup.Escape(missing[0].Key)}");
        }
    }
}
