using HomelabManager.Cli;
using HomelabManager.Homelab;

namespace HomelabManager.Commands;

/// <summary>Loads the homelab of <c>--dir</c> for a command and prints what was found wrong.</summary>
internal static class HomelabInput
{
    /// <summary>Reads and checks the homelab; prints every diagnostic unless <paramref name="quiet"/> on success.</summary>
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
}
