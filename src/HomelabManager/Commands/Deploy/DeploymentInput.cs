using HomelabManager.Cli;
using HomelabManager.Deployment;
using HomelabManager.Hcl.Schema;
using HomelabManager.Homelab;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>The input of plan, deploy and update: the validated homelab, the selected services and their jobs.</summary>
internal static class DeploymentInput
{
    /// <summary>
    /// Loads and checks the homelab and builds the jobs of <paramref name="names"/> (all when empty). Null when
    /// the homelab is invalid or a name is unknown (diagnostics printed): the command exits 2 without a request.
    /// </summary>
    public static DesiredState? Load(CommandEnvironment environment, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var homelab = HomelabInput.Load(environment, reportWhenValid: false);
        if (homelab.HasErrors)
        {
            return null;
        }

        var built = HomelabJobs.Build(homelab);
        if (built.HasErrors)
        {
            HomelabInput.Report(environment, built.Diagnostics);
            return null;
        }

        var state = DesiredState.Select(built, names, out var unknown);
        foreach (var name in unknown)
        {
            var suggestion = Suggestions.DidYouMean(name, built.Jobs.Select(j => j.Source));
            environment.ErrorConsole.MarkupLine(
                $"[red]error:[/] no service named \"{Markup.Escape(name)}\" in {Markup.Escape(environment.Relative(homelab.Directory))}. {Markup.Escape(suggestion)}");
        }

        return state;
    }
}
