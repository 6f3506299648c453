namespace HomelabManager.Tests.Baselines;

/// <summary>
/// Golden-file assertions: compares output with a committed file under <c>tests/HomelabManager.Tests/Baselines/</c>.
/// Set <c>HOMELAB_UPDATE_BASELINES=1</c> to rewrite the files instead; on a mismatch the message gives a
/// <c>git diff --no-index</c> command between the expected file and the actual output (written to a temp file).
/// </summary>
public static class BaselineAssert
{
    private const string UpdateVariable = "HOMELAB_UPDATE_BASELINES";

    /// <summary>The <c>Baselines</c> folder of the test project's sources.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Asserts that <paramref name="actual"/> equals the baseline at <paramref name="relativePath"/> (e.g. <c>Jobs/web.json</c>).</summary>
    public static void Matches(string relativePath, string actual)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(actual);
        var expectedPath = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual);
            return;
        }

        var expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected == actual)
        {
            return;
        }

        var actualPath = Path.Combine(Path.GetTempPath(), "homelab-manager-baselines", relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(actualPath)!);
        File.WriteAllText(actualPath, actual);

        var reason = expected is null ? $"Baseline {relativePath} does not exist yet." : $"Baseline {relativePath} differs.";
        Assert.Fail(
            $"{reason}\n" +
            $"  see the difference: git diff --no-index \"{expectedPath}\" \"{actualPath}\"\n" +
            $"  accept the new output: {UpdateVariable}=1 dotnet test tests/HomelabManager.Tests");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HomelabManager.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Baselines");
            }
        }

        throw new InvalidOperationException(
            $"HomelabManager.Tests.csproj not found above {AppContext.BaseDirectory}; baselines are read from the test sources");
    }
}
