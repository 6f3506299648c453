namespace HomelabManager.Hcl.Text;

/// <summary>A point in a source text: 1-based line and column (in Unicode scalar values), 0-based UTF-16 offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    /// <summary>The start of any text: line 1, column 1, offset 0.</summary>
    public static SourcePosition Start { get; } = new(1, 1, 0);

    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}
