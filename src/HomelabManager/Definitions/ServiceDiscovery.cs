using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>
/// Finds <c>services/*/service.hcl</c> under a homelab folder, binds each, and checks what spans
/// services: unique names, static host ports, dependencies. Every file is read; all problems are
/// collected.
/// </summary>
internal static class ServiceDiscovery
{
    /// <summary>The largest service.hcl read; anything bigger is certainly not a hand-written definition.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <param name="homelabDirectory">The homelab folder.</param>
    /// <param name="displayPath">Turns an absolute path into the path shown in diagnostics.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="onSource">Called with each text read, so printers can show source lines.</param>
    public static IReadOnlyList<BoundService> Discover(
        string homelabDirectory,
        Func<string, string> displayPath,
        DiagnosticBag diagnostics,
        Action<SourceText>? onSource = null)
    {
        var servicesDirectory = Path.Combine(homelabDirectory, "services");
        if (!Directory.Exists(servicesDirectory))
        {
            diagnostics.Add(DiscoveryDiagnostics.NoServicesFolder(displayPath(homelabDirectory)));
            return [];
        }

        var services = new List<BoundService>();
        foreach (var folder in Directory.EnumerateDirectories(servicesDirectory).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "service.hcl");
            if (!File.Exists(file))
            {
                var raw = Path.Combine(folder, "job.nomad.hcl");
                diagnostics.Add(File.Exists(raw)
                    ? DiscoveryDiagnostics.RawJobspecNotSupported(displayPath(raw))
                    : DiscoveryDiagnostics.FolderWithoutDefinition(displayPath(folder)));
                continue;
            }

            var source = Read(file, displayPath(file), diagnostics);
            if (source is null)
            {
                continue;
            }

            onSource?.Invoke(source);
            var bound = ServiceBinder.Bind(source, Path.GetFileName(folder), diagnostics);
            if (bound is not null)
            {
                services.Add(bound);
            }
        }

        CheckAcrossServices(services, diagnostics);
        return services;
    }

    private static SourceText? Read(string file, string shown, DiagnosticBag diagnostics)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Add(ServiceDiagnostics.UnreadableFile(shown, $"The file is {info.Length} bytes; a service.hcl may be at most {MaxFileBytes} bytes."));
                return null;
            }

            return new SourceText(shown, File.ReadAllText(file));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(ServiceDiagnostics.UnreadableFile(shown, exception.Message));
            return null;
        }
    }

    private static void CheckAcrossServices(List<BoundService> services, DiagnosticBag diagnostics)
    {
        var byName = new Dictionary<string, BoundService>(StringComparer.Ordinal);
        foreach (var service in services.ToList())
        {
            if (byName.TryGetValue(service.Definition.Name, out var first))
            {
                diagnostics.Add(ServiceDiagnostics.DuplicateService(service.Path, service.NameRange, service.Definition.Name, first.Path, first.NameRange.Start));
                services.Remove(service);
                continue;
            }

            byName.Add(service.Definition.Name, service);
        }

        var ports = new Dictionary<(int, PortProtocol), (BoundService Service, SourceRange Range)>();
        foreach (var service in services)
        {
            foreach (var (port, protocol, range) in service.StaticPorts)
            {
                if (ports.TryGetValue((port, protocol), out var owner) && owner.Service != service)
                {
                    diagnostics.Add(ServiceDiagnostics.ExternalPortTaken(service.Path, range, port, PortListBinder.Text(protocol), owner.Service.Definition.Name, owner.Service.Path, owner.Range.Start));
                }
                else
                {
                    ports.TryAdd((port, protocol), (service, range));
                }
            }

            foreach (var (dependency, range) in service.Dependencies)
            {
                if (dependency == service.Definition.Name)
                {
                    diagnostics.Add(ServiceDiagnostics.SelfDependency(service.Path, range, dependency));
                }
                else if (!byName.ContainsKey(dependency))
                {
                    diagnostics.Add(ServiceDiagnostics.UnknownDependency(service.Path, range, dependency, Hcl.Schema.Suggestions.DidYouMean(dependency, byName.Keys)));
                }
            }
        }

        DependencyCycles.Report(services, byName, diagnostics);
    }
}
