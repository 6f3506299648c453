using System.Runtime.CompilerServices;

namespace HomelabManager.Hcl.Text;

/// <summary>
/// Turns a non-decreasing sequence of offsets into positions in one forward walk over the line table
/// (amortised O(1) per offset, no search); an offset behind the cursor falls back to <see cref="SourceText.PositionAt(int)"/>.
/// Gives exactly the positions <see cref="SourceText.PositionAt(int)"/> gives.
/// </summary>
internal struct PositionCursor
{
    private readonly SourceText _source;
    private readonly string _text;
    private readonly int[] _starts;
    private readonly bool _surrogates;
    private int _line;
    private int _lineStart;
    private int _nextLineStart;
    private int _columnOffset;
    private int _column;

    public PositionCursor(SourceText source)
    {
        _source = source;
        _text = source.Text;
        _starts = source.LineStartTable;
        _surrogates = source.HasSurrogates;
        _line = 0;
        _lineStart = 0;
        _nextLineStart = _starts.Length > 1 ? _starts[1] : int.MaxValue;
        _columnOffset = 0;
        _column = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SourcePosition At(int offset)
    {
        // The common case: a text without surrogates, and an offset on the current line.
        if (!_surrogates && offset >= _lineStart && offset < _nextLineStart && offset <= _text.Length)
        {
            return new SourcePosition(_line + 1, offset - _lineStart + 1, offset);
        }

        return AtSlow(offset);
    }

    private SourcePosition AtSlow(int offset)
    {
        if (offset >= _nextLineStart)
        {
            var starts = _starts;
            var line = _line + 1;
            while (line + 1 < starts.Length && starts[line + 1] <= offset)
            {
                line++;
            }

            _line = line;
            _lineStart = starts[line];
            _nextLineStart = line + 1 < starts.Length ? starts[line + 1] : int.MaxValue;
            _columnOffset = _lineStart;
            _column = 1;
        }
        else if (offset < _lineStart || offset > _text.Length)
        {
            return _source.PositionAt(offset);
        }

        if (!_surrogates)
        {
            return new SourcePosition(_line + 1, offset - _lineStart + 1, offset);
        }

        if (offset < _columnOffset)
        {
            return _source.PositionAt(offset);
        }

        var column = _column;
        var text = _text;
        for (var i = _columnOffset; i < offset; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                column++;
            }
        }

        _columnOffset = offset;
        _column = column;
        return new SourcePosition(_line + 1, column, offset);
    }
}
