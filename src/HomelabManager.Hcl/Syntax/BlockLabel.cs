using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>One block label (quoted or bare) with its range (quotes included).</summary>
public sealed record BlockLabel
{
    /// <summary>The <see cref="SourceText"/> the offsets are in (a parsed label), or the boxed range it was given.</summary>
    private readonly object _location;
    private readonly int _start;
    private readonly int _end;

    /// <summary>Creates a label with an explicit range.</summary>
    public BlockLabel(string Value, SourceRange Range)
    {
        this.Value = Value;
        _location = Range;
    }

    /// <summary>Creates a parsed label spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    internal BlockLabel(string value, SourceText source, int start, int end)
    {
        Value = value;
        _location = source;
        _start = start;
        _end = end;
    }

    /// <summary>The label text.</summary>
    public string Value { get; init; }

    /// <summary>The range of the label (quotes included).</summary>
    public SourceRange Range
    {
        get => _location is SourceText source ? source.RangeOf(_start, _end) : (SourceRange)_location;
        init => _location = value;
    }

    /// <summary>Deconstructs the label into its value and range.</summary>
    public void Deconstruct(out string Value, out SourceRange Range)
    {
        Value = this.Value;
        Range = this.Range;
    }

    /// <summary>Labels are equal when their values and ranges are.</summary>
    public bool Equals(BlockLabel? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal) && Range == other.Range;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Range);
}
