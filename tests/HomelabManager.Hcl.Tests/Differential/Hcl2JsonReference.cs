using System.Diagnostics;
using System.Text.Json;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// HashiCorp's own HCL parser (hashicorp/hcl compiled to WebAssembly, with tmccombs/hcl2json's converter) from the
/// npm package @cdktf/hcl2json, run under Node by hcl2json-batch.mjs: one process per batch of files. The package is
/// installed by <c>bench/install-hcl2json.sh</c> (which .ci/install-packages calls) into the git-ignored
/// <c>bench/.hcl2json</c>; the environment variable <c>HCL2JSON_MODULE_DIR</c> points elsewhere.
/// </summary>
internal static class Hcl2JsonReference
{
    /// <summary>The pinned package version; bench/install-hcl2json.sh installs the same one.</summary>
    public const string Version = "0.21.0";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Null when Node and the package are present; otherwise why the differential tests skip and how to fix it.</summary>
    public static string? MissingReason => Missing.Value;

    /// <summary>The folder whose node_modules holds the package.</summary>
    public static string ModuleDirectory =>
        Environment.GetEnvironmentVariable("HCL2JSON_MODULE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot() ?? ".", "bench", ".hcl2json");

    /// <summary>HashiCorp's verdict on each of <paramref name="paths"/> (files, or folders of files), in order.</summary>
    public static IReadOnlyList<ReferenceVerdict> Run(IEnumerable<string> paths)
    {
        var start = new ProcessStartInfo(Node()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Differential", "hcl2json-batch.mjs"));
        start.ArgumentList.Add(ModuleDirectory);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var error = process.StandardError.ReadToEndAsync();
        var verdicts = new List<ReferenceVerdict>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            verdicts.Add(ParseLine(line));
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"hcl2json-batch.mjs exited with {process.ExitCode}:\n{error.GetAwaiter().GetResult()}");
        }

        return verdicts;
    }

    private static ReferenceVerdict ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        int? Number(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new ReferenceVerdict(
            Text("file")!, root.GetProperty("accepted").GetBoolean(), Text("json"), Text("error"), Number("line"), Number("column"), Text("summary"));
    }

    private static string? FindMissing()
    {
        const string Install = "run .ci/install-packages or bench/install-hcl2json.sh (npm install of @cdktf/hcl2json@"
            + Version + " into bench/.hcl2json), or set HCL2JSON_MODULE_DIR to a folder holding it";
        if (Node() is null)
        {
            return "node is not on PATH; install Node.js 20 or newer, then " + Install;
        }

        var package = Path.Combine(ModuleDirectory, "node_modules", "@cdktf", "hcl2json", "package.json");
        if (!File.Exists(package))
        {
            return $"@cdktf/hcl2json is not installed in {ModuleDirectory}; " + Install;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(package));
        var version = document.RootElement.GetProperty("version").GetString();
        return version == Version ? null : $"{package} is version {version}, the tests pin {Version}; " + Install;
    }

    private static string? Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "node"))
            .FirstOrDefault(File.Exists);

    private static string? RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HomelabManager.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
