using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Integrations;

namespace HomelabManager.Homelab;

/// <summary>
/// Reads a homelab folder — homelab.yaml, .env and every services/*/service.hcl — collecting the
/// diagnostics of all files. The one pipeline behind validate, render, plan and deploy.
/// </summary>
internal static class HomelabLoader
{
    /// <param name="directory">The absolute homelab folder.</param>
    /// <param name="environment">The process environment (it wins over <c>.env</c>).</param>
    /// <param name="displayPath">Turns an absolute path into the path shown to the user.</param>
    /// <param name="onSource">Called with each text read, so printers can show source lines.</param>
    public static LoadedHomelab Load(string directory, IVariableSource environment, Func<string, string> displayPath, Action<SourceText>? onSource = null)
    {
        var diagnostics = new DiagnosticBag();
        var configurationFile = Path.Combine(directory, HomelabConfigurationLoader.FileName);
        var configuration = HomelabConfigurationLoader.Load(configurationFile, environment);
        diagnostics.AddRange(configuration.Diagnostics);
        if (configuration.Source is not null)
        {
            onSource?.Invoke(configuration.Source);
        }

        var services = ServiceDiscovery.Discover(directory, displayPath, diagnostics, onSource);
        if (configuration.Configuration is { } loaded && !configuration.HasErrors)
        {
            // Offline checks of each integration section: provider known, options of the right kind.
            diagnostics.AddRange(new IntegrationPipeline(IntegrationRegistry.Default).Validate(loaded, [.. services.Select(s => s.Definition)]));
        }

        return new LoadedHomelab(directory, configuration.Configuration, configuration.Variables, services, [.. diagnostics]);
    }
}
