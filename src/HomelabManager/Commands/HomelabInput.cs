using HomelabManager.Cli;
using HomelabManager.Deployment;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Schema;
using HomelabManager.Homelab;
using Spectre.Console;

namespace HomelabManager.Commands;

/// <summary>
/// Loads the homelab of <c>--dir</c> for a command, builds its jobs and selects the ones named,
/// printing what was found wrong. A null result means invalid input: the command exits 2 without
/// having sent a request.
/// </summary>
internal static class HomelabInput
{
    /// <summary>Reads and checks the homelab; prints every diagnostic, or only when there is an error.</summary>
    public static LoadedHomelab Load(CommandEnvironment environment, bool reportWhenValid = true)
    {
        var sources = new SourceCache(environment.Host.CurrentDirectory);
        var homelab = HomelabLoader.Load(
            environment.Directory,
            new HostVariables(environment.Host),
            environment.Relative,
            sources.Add);
        if (homelab.HasErrors || reportWhenValid)
        {
            new DiagnosticReporter(environment, sources).Report(homelab.Diagnostics);
        }

        return homelab;
    }

    /// <summary>Every job of a valid homelab (services and integrations), or null when loading or building failed.</summary>
    public static HomelabJobs? LoadJobs(CommandEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var homelab = Load(environment, reportWhenValid: false);
        if (homelab.HasErrors)
        {
            return null;
        }

        var built = HomelabJobs.Build(homelab);
        if (built.HasErrors)
        {
            Report(environment, built.Diagnostics);
            return null;
        }

        return built;
    }

    /// <summary>
    /// The jobs of <paramref name="names"/> (service names or infrastructure job IDs; all when empty), or null when
    /// the homelab is invalid or a name is unknown (with a did-you-mean).
    /// </summary>
    public static DesiredState? Select(CommandEnvironment environment, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var built = LoadJobs(environment);
        if (built is null)
        {
            return null;
        }

        var state = DesiredState.Select(built, names, out var unknown);
        foreach (var name in unknown)
        {
            var suggestion = Suggestions.DidYouMean(name, built.Jobs.Select(j => j.Source));
            environment.ErrorConsole.MarkupLine(
                $"[red]error:[/] no service named \"{Markup.Escape(name)}\" in {Markup.Escape(environment.Relative(environment.Directory))}. {Markup.Escape(suggestion)}");
        }

        return state;
    }

    /// <summary>Prints diagnostics found after loading (e.g. while building jobs).</summary>
    public static void Report(CommandEnvironment environment, IReadOnlyCollection<Diagnostic> diagnostics) =>
        new DiagnosticReporter(environment, new SourceCache(environment.Host.CurrentDirectory)).Report(diagnostics);
}
