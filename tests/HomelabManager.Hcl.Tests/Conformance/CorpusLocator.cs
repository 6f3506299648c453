namespace HomelabManager.Hcl.Tests.Conformance;

/// <summary>Finds the shared test corpus: <c>&lt;repo-root&gt;/../shared/corpus</c>, by walking up from the test assembly.</summary>
internal static class CorpusLocator
{
    public const string MissingCase = "corpus-missing";

    private static readonly Lazy<string?> Root = new(Find);

    public static string? CorpusRoot => Root.Value;

    private static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        return null;
    }

    /// <summary>The input files of a corpus folder (every file with an expectation beside it), by name.</summary>
    public static IEnumerable<string> Cases(string folder)
    {
        var root = CorpusRoot;
        var path = root is null ? null : Path.Combine(root, folder);
        if (path is null || !Directory.Exists(path))
        {
            yield return MissingCase;
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
        {
            if (File.Exists(file + ".expected.json") || File.Exists(file + ".error.txt")
                || (file.EndsWith(".hcl", StringComparison.Ordinal)
                    && (File.Exists(Path.ChangeExtension(file, ".expected.json")) || File.Exists(Path.ChangeExtension(file, ".error.txt")))))
            {
                yield return Path.GetFileName(file);
            }
        }
    }

    /// <summary>The expectation files of an input: (expected JSON path or null, error file path or null).</summary>
    public static (string? Json, string? Error) Expectations(string input)
    {
        foreach (var (json, error) in new[]
                 {
                     (input + ".expected.json", input + ".error.txt"),
                     (Path.ChangeExtension(input, ".expected.json"), Path.ChangeExtension(input, ".error.txt")),
                 })
        {
            if (File.Exists(json))
            {
                return (json, null);
            }

            if (File.Exists(error))
            {
                return (null, error);
            }
        }

        return (null, null);
    }
}
