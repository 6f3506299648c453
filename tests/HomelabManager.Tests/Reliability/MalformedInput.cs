using System.Text;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// One broken input file in an otherwise valid homelab (<c>homelab.yaml</c> with a domain and one valid service
/// <c>web</c>), and the first error diagnostic it must give: code and exact 1-based line and column.
/// </summary>
/// <param name="Name">Case name, shown by the test runner.</param>
/// <param name="File">Path of the broken file inside the homelab folder.</param>
/// <param name="Content">The broken file's bytes.</param>
/// <param name="Code">Expected diagnostic code of the first error in <paramref name="File"/>.</param>
/// <param name="Line">Expected line of that error.</param>
/// <param name="Column">Expected column of that error.</param>
internal sealed record MalformedInput(string Name, string File, byte[] Content, string Code, int Line, int Column)
{
    /// <summary>The valid service every case starts from.</summary>
    public const string ValidService = "service {\n  name = \"web\"\n  container {\n    image = \"nginx:1.27\"\n    ports = [{ internal = 80 }]\n  }\n\n}\n";

    /// <summary>The valid homelab.yaml every case starts from.</summary>
    public const string Yaml = "homelab:\n  domain: lab.example.com\n";

    /// <summary>Where the service lives.</summary>
    public static readonly string ServicePath = Path.Combine("services", "web", "service.hcl");

    /// <summary>The valid service with <paramref name="extra"/> as its own line(s) after the container block (line 7 on).</summary>
    public static string Svc(string extra) => "service {\n  name = \"web\"\n  container {\n    image = \"nginx:1.27\"\n    ports = [{ internal = 80 }]\n  }\n" + extra + "\n}\n";

    /// <summary>A broken service.hcl.</summary>
    public static MalformedInput Service(string name, string text, string code, int line, int column) =>
        new(name, ServicePath, Encoding.UTF8.GetBytes(text), code, line, column);

    /// <summary>A broken service.hcl given as bytes.</summary>
    public static MalformedInput Service(string name, byte[] content, string code, int line, int column) =>
        new(name, ServicePath, content, code, line, column);

    /// <summary>A broken homelab.yaml.</summary>
    public static MalformedInput Yml(string name, string text, string code, int line, int column) =>
        new(name, "homelab.yaml", Encoding.UTF8.GetBytes(text), code, line, column);

    /// <summary>A broken homelab.yaml given as bytes.</summary>
    public static MalformedInput Yml(string name, byte[] content, string code, int line, int column) =>
        new(name, "homelab.yaml", content, code, line, column);

    /// <summary>A broken <c>.env</c> beside a homelab.yaml whose domain is <c>${LAB_DOMAIN}</c>.</summary>
    public static MalformedInput DotEnv(string name, string text, string code, int line, int column) =>
        new(name, ".env", Encoding.UTF8.GetBytes(text), code, line, column);

    /// <summary>UTF-8 text with raw bytes in the middle.</summary>
    public static byte[] Raw(string before, byte[] bytes, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. bytes, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>4 KiB of deterministic binary garbage (every byte value, NUL first is avoided).</summary>
    public static byte[] Garbage() => [.. Enumerable.Range(0, 4096).Select(i => (byte)(((i * 7919) + 13) % 256))];

    /// <summary>A file of <paramref name="count"/> spaces.</summary>
    public static byte[] Spaces(long count) => [.. Enumerable.Repeat((byte)' ', (int)count)];

    /// <summary><paramref name="count"/> copies of <paramref name="text"/>.</summary>
    public static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    /// <summary>Writes the homelab folder for this case.</summary>
    public void WriteTo(Commands.TempHomelab homelab)
    {
        ArgumentNullException.ThrowIfNull(homelab);
        homelab.Write("homelab.yaml", File == ".env" ? "homelab:\n  domain: ${LAB_DOMAIN}\n" : Yaml);
        homelab.Write(ServicePath, ValidService);
        var path = Path.Combine(homelab.Directory, File);
        System.IO.File.WriteAllBytes(path, Content);
    }

    public override string ToString() => Name;
}
