using System.Security.Cryptography;
using System.Text;

namespace HomelabManager.FileSystem;

/// <summary>
/// Replaces a file all at once: the new content goes to a temporary file in the same folder, is flushed to disk,
/// gets its Unix mode, and is then renamed over the target. Readers see the old file or the new one, never a mix;
/// on any failure the temporary file is deleted and the target is left as it was.
/// </summary>
public static class AtomicFile
{
    /// <summary>Owner read/write only (0600): for files that may hold secrets, such as homelab.yaml.</summary>
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode DefaultCreateMode = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="contents"/> as UTF-8 without BOM.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="contents">The whole new text.</param>
    /// <param name="mode">Unix mode of the result; null keeps the mode of the file being replaced (or the default for a new file). Ignored on Windows.</param>
    public static void WriteAllText(string path, string contents, UnixFileMode? mode = null)
    {
        ArgumentNullException.ThrowIfNull(contents);
        WriteAllBytes(path, Utf8NoBom.GetBytes(contents), mode);
    }

    /// <summary>Writes <paramref name="contents"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="contents">The whole new content.</param>
    /// <param name="mode">Unix mode of the result; null keeps the mode of the file being replaced (or the default for a new file). Ignored on Windows.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents, UnixFileMode? mode = null)
    {
        var copy = contents.ToArray();
        Write(path, stream => stream.Write(copy), mode);
    }

    /// <summary>Lets <paramref name="write"/> fill the new file through a stream; if it throws, the target is untouched.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the whole new content.</param>
    /// <param name="mode">Unix mode of the result; null keeps the mode of the file being replaced (or the default for a new file). Ignored on Windows.</param>
    public static void Write(string path, Action<Stream> write, UnixFileMode? mode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException("The path has no folder.", nameof(path));
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{RandomSuffix()}.tmp");
        var finalMode = mode ?? ExistingMode(target);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                // With a mode to apply, the file is private from its first byte and gets its exact mode below
                // (the umask may have narrowed it); a new file without one gets the usual 0666 minus the umask.
                options.UnixCreateMode = finalMode is null ? DefaultCreateMode : OwnerReadWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && finalMode is { } unixMode)
            {
                File.SetUnixFileMode(temporary, unixMode);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The mode of an existing file to keep; null for a new file.</summary>
    private static UnixFileMode? ExistingMode(string target)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return File.Exists(target) ? File.GetUnixFileMode(target) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string RandomSuffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
    }
}
