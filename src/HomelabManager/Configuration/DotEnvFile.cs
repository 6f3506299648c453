using System.Diagnostics.CodeAnalysis;
using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration;

/// <summary>
/// A parsed <c>.env</c> file: <c>KEY=VALUE</c> lines, <c>#</c> comments, blank lines, an optional
/// <c>export </c> prefix, and single- or double-quoted values (double quotes understand
/// <c>\n \r \t \" \\ \$</c>; both may span lines). An unquoted value ends at a <c>#</c> that follows
/// whitespace. Values are taken literally: no <c>${VAR}</c> expansion inside <c>.env</c>.
/// </summary>
public sealed class DotEnvFile : IVariableSource
{
    private readonly Dictionary<string, string> _values;

    private DotEnvFile(string path, Dictionary<string, string> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file's path (may not exist).</summary>
    public string Path { get; }

    /// <summary>The variable names defined, in no particular order.</summary>
    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>An empty file at <paramref name="path"/>.</summary>
    public static DotEnvFile Empty(string path) => new(path, []);

    /// <summary>Reads and parses <paramref name="path"/>; a missing file is an empty one, not an error.</summary>
    public static DotEnvFile Load(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!File.Exists(path))
        {
            return Empty(path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(ConfigurationDiagnostics.FileUnreadable(path, ex.Message));
            return Empty(path);
        }

        return Parse(new SourceText(path, text), diagnostics);
    }

    /// <summary>Parses a <c>.env</c> text; every malformed line becomes a diagnostic and is skipped.</summary>
    public static DotEnvFile Parse(SourceText source, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var parser = new Parser(source, diagnostics);
        return new DotEnvFile(source.Path, parser.Run());
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value) => _values.TryGetValue(name, out value);

    private sealed class Parser(SourceText source, DiagnosticBag diagnostics)
    {
        private readonly string _text = source.Text;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _firstLines = new(StringComparer.Ordinal);
        private int _i;

        public Dictionary<string, string> Run()
        {
            while (_i < _text.Length)
            {
                ParseLine();
            }

            return _values;
        }

        private void ParseLine()
        {
            SkipBlanks();
            if (AtLineEnd() || Current == '#')
            {
                SkipRestOfLine();
                return;
            }

            if (StartsWithWord("export"))
            {
                _i += "export".Length;
                SkipBlanks();
            }

            var keyStart = _i;
            while (_i < _text.Length && !AtLineEnd() && Current != '=' && Current != ' ' && Current != '\t')
            {
                _i++;
            }

            var key = _text[keyStart.._i];
            if (!IsValidName(key))
            {
                Report(keyStart, Math.Max(_i, keyStart + 1),
                    "Expected KEY=VALUE where KEY is letters, digits and '_' and does not start with a digit.");
                SkipRestOfLine();
                return;
            }

            SkipBlanks();
            if (_i >= _text.Length || Current != '=')
            {
                Report(_i, _i + 1, $"Expected '=' after \"{key}\".");
                SkipRestOfLine();
                return;
            }

            _i++;
            SkipBlanks();
            string? value = _i < _text.Length && Current == '\'' ? ReadSingleQuoted()
                : _i < _text.Length && Current == '"' ? ReadDoubleQuoted()
                : ReadUnquoted();
            if (value is null)
            {
                return;
            }

            var line = source.PositionAt(keyStart).Line;
            if (_firstLines.TryGetValue(key, out var firstLine))
            {
                diagnostics.Add(ConfigurationDiagnostics.DuplicateDotEnvKey(source.Path, source.RangeOf(keyStart, keyStart + key.Length), key, firstLine));
            }
            else
            {
                _firstLines[key] = line;
            }

            _values[key] = value;
        }

        private string? ReadSingleQuoted()
        {
            var quote = _i;
            var close = _text.IndexOf('\'', quote + 1);
            if (close < 0)
            {
                Report(quote, quote + 1, "The single quote that starts this value is never closed.");
                SkipRestOfLine();
                return null;
            }

            _i = close + 1;
            return AfterClosingQuote() ? _text[(quote + 1)..close] : null;
        }

        private string? ReadDoubleQuoted()
        {
            var quote = _i;
            var builder = new StringBuilder();
            for (var j = quote + 1; j < _text.Length; j++)
            {
                var c = _text[j];
                if (c == '"')
                {
                    _i = j + 1;
                    return AfterClosingQuote() ? builder.ToString() : null;
                }

                if (c == '\\' && j + 1 < _text.Length)
                {
                    var next = _text[j + 1];
                    var escaped = next switch
                    {
                        'n' => "\n",
                        'r' => "\r",
                        't' => "\t",
                        '"' => "\"",
                        '\\' => "\\",
                        '$' => "$",
                        _ => null,
                    };
                    if (escaped is not null)
                    {
                        builder.Append(escaped);
                        j++;
                        continue;
                    }
                }

                builder.Append(c);
            }

            Report(quote, quote + 1, "The double quote that starts this value is never closed.");
            SkipRestOfLine();
            return null;
        }

        private string ReadUnquoted()
        {
            var start = _i;
            var end = start;
            while (_i < _text.Length && !AtLineEnd())
            {
                if (Current == '#' && _i > start && (_text[_i - 1] == ' ' || _text[_i - 1] == '\t'))
                {
                    break;
                }

                _i++;
                end = _i;
            }

            SkipRestOfLine();
            return _text[start..end].TrimEnd(' ', '\t');
        }

        /// <summary>After a closing quote only blanks and a comment may follow.</summary>
        private bool AfterClosingQuote()
        {
            SkipBlanks();
            if (AtLineEnd() || Current == '#')
            {
                SkipRestOfLine();
                return true;
            }

            Report(_i, _i + 1, "Unexpected text after the closing quote; quote the whole value or add a '#' before a comment.");
            SkipRestOfLine();
            return false;
        }

        private char Current => _text[_i];

        private bool AtLineEnd() => _i >= _text.Length || _text[_i] == '\n' || _text[_i] == '\r';

        private bool StartsWithWord(string word) =>
            string.CompareOrdinal(_text, _i, word, 0, word.Length) == 0
            && _i + word.Length < _text.Length
            && _text[_i + word.Length] is ' ' or '\t';

        private void SkipBlanks()
        {
            while (_i < _text.Length && (_text[_i] == ' ' || _text[_i] == '\t'))
            {
                _i++;
            }
        }

        private void SkipRestOfLine()
        {
            while (_i < _text.Length && _text[_i] != '\n' && _text[_i] != '\r')
            {
                _i++;
            }

            if (_i < _text.Length && _text[_i] == '\r')
            {
                _i++;
            }

            if (_i < _text.Length && _text[_i] == '\n')
            {
                _i++;
            }
        }

        private void Report(int start, int end, string detail) =>
            diagnostics.Add(ConfigurationDiagnostics.MalformedDotEnvLine(source.Path, source.RangeOf(start, Math.Min(end, _text.Length)), detail));
    }

    /// <summary>True for a variable name: letters, digits and '_', not starting with a digit.</summary>
    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
