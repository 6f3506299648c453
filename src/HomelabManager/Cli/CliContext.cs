using System.CommandLine;
using Spectre.Console;

namespace HomelabManager.Cli;

/// <summary>What every command factory needs: the process host, the global options and the cluster flags.</summary>
internal sealed record CliContext(CliHost Host, GlobalOptions Options, ClusterOptions Cluster)
{
    /// <summary>The cluster clients for a command run (dispose them when the command ends).</summary>
    public ClusterClients Clients(ParseResult parseResult, CommandEnvironment environment) => new(parseResult, Cluster, environment);

    /// <summary>
    /// Binds <paramref name="run"/> as the command's action. This is the one place that maps
    /// unexpected exceptions to exit code 1: users see a message, never a stack trace (unless <c>-v</c>).
    /// </summary>
    public void SetAction(Command command, Func<ParseResult, CommandEnvironment, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(run);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var environment = CommandEnvironment.From(parseResult, Options, Host);
            try
            {
                return await run(parseResult, environment, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                environment.ErrorConsole.MarkupLine("[yellow]Cancelled.[/]");
                return ExitCodes.Failure;
            }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never crash.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                if (environment.Verbose)
                {
                    environment.ErrorConsole.WriteLine(exception.ToString());
                }

                return ExitCodes.Failure;
            }
        });
    }

    /// <summary>Binds a synchronous action; see the asynchronous overload.</summary>
    public void SetAction(Command command, Func<ParseResult, CommandEnvironment, int> run) =>
        SetAction(command, (parseResult, environment, _) => Task.FromResult(run(parseResult, environment)));
}
