namespace HomelabManager.Tests;

/// <summary>Where the repository and the shared test data are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The repository root (the folder holding HomelabManager.slnx).</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>The bundled example homelab.</summary>
    public static string ExampleHomelab => Path.Combine(Root, "examples", "homelab");

    /// <summary><c>../shared</c> beside the repository; it may not exist (a user's fresh clone).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HomelabManager.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no HomelabManager.slnx above " + AppContext.BaseDirectory);
    }
}
