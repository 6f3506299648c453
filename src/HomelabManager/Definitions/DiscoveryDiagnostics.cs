using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Definitions;

/// <summary>The diagnostics of finding service folders (codes HLM25x).</summary>
internal static class DiscoveryDiagnostics
{
    public static Diagnostic FolderWithoutDefinition(string folder) =>
        new(DiagnosticSeverity.Note, "HLM250", "Folder ignored", "It holds no service.hcl, so it defines no service.", folder, SourceRange.At(SourcePosition.Start));

    public static Diagnostic RawJobspecNotSupported(string path) =>
        Diagnostic.Warning("HLM251", "Raw jobspec skipped", "Raw Nomad jobspecs (job.nomad.hcl) are not deployed by this version; write a service.hcl instead.", path, SourceRange.At(SourcePosition.Start));

    public static Diagnostic NoServicesFolder(string folder) =>
        new(DiagnosticSeverity.Note, "HLM252", "No services", "There is no services/ folder yet; add services/<name>/service.hcl files.", folder, SourceRange.At(SourcePosition.Start));

    public static Diagnostic DependencyCycle(string path, SourceRange range, IEnumerable<string> cycle) =>
        Diagnostic.Error("HLM253", "Dependency cycle", $"depends_on forms a cycle: {string.Join(" -> ", cycle)}. Remove one of the dependencies.", path, range);
}
