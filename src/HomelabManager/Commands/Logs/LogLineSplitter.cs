using System.Text;

namespace HomelabManager.Commands.Logs;

/// <summary>
/// Turns the byte chunks of one log stream into whole lines: UTF-8 sequences and lines may be split at
/// any frame boundary. Lines come without their <c>\n</c> (and without a <c>\r</c> before it).
/// </summary>
internal sealed class LogLineSplitter
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly StringBuilder _pending = new();

    /// <summary>True when a partial line waits for its end.</summary>
    public bool HasPartialLine => _pending.Length > 0;

    /// <summary>Adds bytes; returns the lines they complete.</summary>
    public IReadOnlyList<string> Add(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
        _decoder.GetChars(bytes, chars, flush: false);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] != '\n')
            {
                continue;
            }

            _pending.Append(chars, start, i - start);
            lines.Add(TrimCarriageReturn(_pending.ToString()));
            _pending.Clear();
            start = i + 1;
        }

        _pending.Append(chars, start, chars.Length - start);
        return lines;
    }

    /// <summary>The partial line at the end of the stream, if any (then forgotten).</summary>
    public string? Flush()
    {
        if (_pending.Length == 0)
        {
            return null;
        }

        var line = TrimCarriageReturn(_pending.ToString());
        _pending.Clear();
        return line;
    }

    private static string TrimCarriageReturn(string line) => line.EndsWith('\r') ? line[..^1] : line;
}
