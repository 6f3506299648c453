using HomelabManager.Cli;
using HomelabManager.Homelab;

namespace HomelabManager.Commands;

/// <summary>Loads the homelab of <c>--dir</c> for a command and prints what was found wrong.</summary>
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

    /// <summary>Prints diagnostics found after loading (e.g. while building jobs).</summary>
    public static void Report(CommandEnvironment environment, IReadOnlyCollection<HomelabManager.Hcl.Diagnostics.Diagnostic> diagnostics) =>
        new DiagnosticReporter(environment, new SourceCache(environment.Host.CurrentDirectory)).Report(diagnostics);
}
