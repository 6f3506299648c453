namespace HomelabManager.Tests.Commands;

/// <summary>A homelab folder in a fresh temporary directory, deleted afterwards.</summary>
internal sealed class TempHomelab : IDisposable
{
    public TempHomelab()
    {
        Directory = Path.Combine(Path.GetTempPath(), "hlm-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public const string MinimalYaml = "homelab:\n  domain: lab.example.com\n";

    public TempHomelab Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempHomelab Service(string name, string body) => Write(Path.Combine("services", name, "service.hcl"), body);

    public IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f))
            .Order(StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
