using HomelabManager.Hcl.Text;

namespace HomelabManager.Cli;

/// <summary>
/// The source texts that diagnostics point into, so the printer can show the line and a caret.
/// Loaders register what they read; anything else is read from disk on demand.
/// </summary>
public sealed class SourceCache
{
    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);
    private readonly string _baseDirectory;

    /// <summary>Creates a cache that resolves relative paths against <paramref name="baseDirectory"/>.</summary>
    public SourceCache(string baseDirectory) => _baseDirectory = baseDirectory;

    /// <summary>Remembers a text that was already read.</summary>
    public void Add(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _texts[text.Path] = text;
    }

    /// <summary>The text a diagnostic's path names, or null when it cannot be read.</summary>
    public SourceText? Get(string path)
    {
        if (_texts.TryGetValue(path, out var known))
        {
            return known;
        }

        SourceText? text = null;
        try
        {
            var full = Path.GetFullPath(path, _baseDirectory);
            if (File.Exists(full) && new FileInfo(full).Length <= 16 * 1024 * 1024)
            {
                text = new SourceText(path, File.ReadAllText(full));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _texts[path] = text;
        return text;
    }
}
