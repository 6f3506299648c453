using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Integrations;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// The last gate before writing: the new text must load through <see cref="HomelabConfigurationLoader"/> and pass every
/// provider's validation, with the homelab's services, exactly as <c>validate</c> would check it.
/// </summary>
internal static class ConfigureCheck
{
    /// <summary>Every diagnostic <c>validate</c> would report about <paramref name="text"/> as the folder's homelab.yaml.</summary>
    /// <param name="directory">The homelab folder (for <c>.env</c> and the services).</param>
    /// <param name="source">The new text, named by the file's path.</param>
    /// <param name="environment">The process environment (it wins over <c>.env</c>).</param>
    /// <param name="registry">The integration providers.</param>
    public static IReadOnlyList<Diagnostic> Check(string directory, SourceText source, IVariableSource environment, IntegrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new DiagnosticBag();
        var dotEnv = DotEnvFile.Load(Path.Combine(directory, HomelabConfigurationLoader.DotEnvFileName), new DiagnosticBag());
        var loaded = HomelabConfigurationLoader.Parse(source, new LayeredVariables(environment, dotEnv));
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Configuration is { } configuration && !loaded.HasErrors)
        {
            // Service files' own problems are not configure's to report; what the integrations say about them is.
            var services = ServiceDiscovery.Discover(directory, p => p, new DiagnosticBag());
            diagnostics.AddRange(new IntegrationPipeline(registry).Validate(configuration, [.. services.Select(s => s.Definition)]));
        }

        return diagnostics;
    }
}
