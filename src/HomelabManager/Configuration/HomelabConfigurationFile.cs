using HomelabManager.FileSystem;

namespace HomelabManager.Configuration;

/// <summary>Where <c>homelab.yaml</c> lives and how it is written: atomically, readable by its owner only (0600).</summary>
public static class HomelabConfigurationFile
{
    /// <summary>Mode of the written file: it may hold secrets.</summary>
    public const UnixFileMode Mode = AtomicFile.OwnerReadWrite;

    /// <summary>The path of <c>homelab.yaml</c> in a homelab folder.</summary>
    public static string PathIn(string directory) => Path.Combine(directory, HomelabConfigurationLoader.FileName);

    /// <summary>Replaces (or creates) <c>homelab.yaml</c> in <paramref name="directory"/> with <paramref name="yaml"/>.</summary>
    public static void Save(string directory, string yaml) => AtomicFile.WriteAllText(PathIn(directory), yaml, Mode);
}
