using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HomelabManager.Hcl.Text;

/// <summary>A named source text with a table of line starts, for turning offsets into lines and columns.</summary>
public sealed class SourceText
{
    private int[]? _lineStarts;
    private bool _hasSurrogates;
    private int _startHint;
    private int _endHint;
    private int[]?[]? _checkpoints;

    /// <summary>Creates a source text.</summary>
    /// <param name="path">The path shown in diagnostics.</param>
    /// <param name="text">The whole text.</param>
    public SourceText(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path shown in diagnostics.</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Reads a file as UTF-8 (invalid bytes become U+FFFD).</summary>
    public static SourceText FromFile(string path) => new(path, File.ReadAllText(path));

    /// <summary>Number of lines (a text always has at least one).</summary>
    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStartsAndScan();

    /// <summary>True once the line table has been computed (parsing alone never needs it).</summary>
    internal bool HasLineTable => _lineStarts is not null;

    private int[] ComputeLineStartsAndScan()
    {
        _hasSurrogates = Text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        return ComputeLineStarts(Text);
    }

    /// <summary>The position of a UTF-16 offset (clamped to the text).</summary>
    public SourcePosition PositionAt(int offset) => PositionAt(offset, ref _startHint);

    /// <summary>The range between two UTF-16 offsets.</summary>
    public SourceRange RangeOf(int start, int end) => new(PositionAt(start, ref _startHint), PositionAt(end, ref _endHint));

    private SourcePosition PositionAt(int offset, ref int hint)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = LineStarts;

        // Callers mostly ask about nearby offsets: try the line of the previous answer and its neighbours first.
        var line = hint;
        if (!IsOnLine(starts, line, offset) && !IsOnLine(starts, ++line, offset))
        {
            line = FindLine(starts, offset, Math.Clamp(hint, 0, starts.Length - 1));
        }

        hint = line;
        if (!_hasSurrogates)
        {
            return new SourcePosition(line + 1, offset - starts[line] + 1, offset);
        }

        // Lines with surrogate pairs: count scalars from the nearest checkpoint (one every 32 UTF-16 units,
        // computed once per line), so positions stay cheap on very long lines.
        var checkpoints = ColumnCheckpoints(line, starts);
        var block = (offset - starts[line]) / CheckpointSpacing;
        var column = checkpoints[block];
        var text = Text;
        for (var i = starts[line] + (block * CheckpointSpacing); i < offset; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                column++;
            }
        }

        return new SourcePosition(line + 1, column, offset);
    }

    /// <summary>The last line starting at or before <paramref name="offset"/>: a galloping search outwards from the hint.</summary>
    private static int FindLine(int[] starts, int offset, int hint)
    {
        int low, high;
        var step = 1;
        if (starts[hint] <= offset)
        {
            low = hint;
            high = hint + 1;
            while (high < starts.Length && starts[high] <= offset)
            {
                low = high;
                step *= 2;
                high = low + step;
            }

            high = Math.Min(high, starts.Length);
        }
        else
        {
            high = hint;
            low = hint - 1;
            while (low > 0 && starts[low] > offset)
            {
                high = low;
                step *= 2;
                low = high - step;
            }

            low = Math.Max(low, 0);
        }

        var index = Array.BinarySearch(starts, low, high - low, offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static bool IsOnLine(int[] starts, int line, int offset) =>
        (uint)line < (uint)starts.Length && offset >= starts[line] && (line + 1 >= starts.Length || offset < starts[line + 1]);

    /// <summary>The text of a 1-based line, without its line break.</summary>
    public string LineText(int line)
    {
        var starts = LineStarts;
        if (line < 1 || line > starts.Length)
        {
            return string.Empty;
        }

        var start = starts[line - 1];
        var end = line < starts.Length ? starts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var span = text.AsSpan();
        if (!span.Contains('\r'))
        {
            return ComputeLineStartsLf(span);
        }

        var starts = new List<int>(span.Count('\n') + 1) { 0 };
        var i = 0;
        while (true)
        {
            var next = span[i..].IndexOfAny('\n', '\r');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (text[i] == '\n' || i + 1 >= text.Length || text[i + 1] != '\n')
            {
                starts.Add(i + 1);
            }

            i++;
        }

        return [.. starts];
    }

    /// <summary>Line starts of a text whose only line break is LF: exactly sized, found 16 characters at a time.</summary>
    private static int[] ComputeLineStartsLf(ReadOnlySpan<char> span)
    {
        var starts = new int[span.Count('\n') + 1];
        var count = 1;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(span));
            var lf = Vector256.Create((ushort)'\n');
            for (; i + Vector256<ushort>.Count <= span.Length; i += Vector256<ushort>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), lf).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    starts[count++] = i + BitOperations.TrailingZeroCount(mask) + 1;
                    mask &= mask - 1;
                }
            }
        }

        for (; i < span.Length; i++)
        {
            if (span[i] == '\n')
            {
                starts[count++] = i + 1;
            }
        }

        return starts;
    }

    private const int CheckpointSpacing = 32;

    private int[] ColumnCheckpoints(int line, int[] starts)
    {
        var all = _checkpoints ??= new int[]?[starts.Length];
        var existing = all[line];
        if (existing is not null)
        {
            return existing;
        }

        var lineStart = starts[line];
        var lineEnd = line + 1 < starts.Length ? starts[line + 1] : Text.Length;
        var result = new int[((lineEnd - lineStart) / CheckpointSpacing) + 1];
        var column = 1;
        var text = Text;
        for (var i = lineStart; i < lineEnd; i++)
        {
            if ((i - lineStart) % CheckpointSpacing == 0)
            {
                result[(i - lineStart) / CheckpointSpacing] = column;
            }

            if (!char.IsLowSurrogate(text[i]))
            {
                column++;
            }
        }

        if ((lineEnd - lineStart) % CheckpointSpacing == 0)
        {
            result[^1] = column;
        }

        all[line] = result;
        return result;
    }
}
