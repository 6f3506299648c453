using System.Diagnostics;

namespace HomelabManager.Tests.Published;

/// <summary>
/// The NativeAOT binary, published once per test run (or taken from HOMELAB_MANAGER_BINARY), so tests
/// can prove that what ships — not the JIT build — works.
/// </summary>
public sealed class PublishedBinary
{
    private static readonly Lazy<PublishedBinary> Instance = new(Publish);

    private PublishedBinary(string path, string publishLog)
    {
        Path = path;
        PublishLog = publishLog;
    }

    /// <summary>The published binary (built on first use).</summary>
    public static PublishedBinary Current => Instance.Value;

    /// <summary>The executable's path.</summary>
    public string Path { get; }

    /// <summary>What <c>dotnet publish</c> printed (empty when the binary was given).</summary>
    public string PublishLog { get; }

    /// <summary>Runs the binary with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public ProcessResult Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs the binary with <paramref name="arguments"/> and extra <paramref name="environment"/> variables.</summary>
    public ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ProcessResult.Run(start, TimeSpan.FromMinutes(2));
    }

    private static PublishedBinary Publish()
    {
        var given = Environment.GetEnvironmentVariable("HOMELAB_MANAGER_BINARY");
        if (!string.IsNullOrEmpty(given))
        {
            return new PublishedBinary(given, string.Empty);
        }

        var output = System.IO.Path.Combine(RepositoryPaths.Root, "artifacts", "test-publish");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", "src/HomelabManager", "-c", "Release", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        var result = ProcessResult.Run(start, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + result.Out + result.Error);
        }

        return new PublishedBinary(System.IO.Path.Combine(output, "homelab-manager"), result.Out + result.Error);
    }
}
