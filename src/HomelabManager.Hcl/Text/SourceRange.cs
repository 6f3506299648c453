namespace HomelabManager.Hcl.Text;

/// <summary>A span of a source text; <see cref="End"/> is exclusive.</summary>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End.Offset - Start.Offset;

    /// <summary>An empty range at <paramref name="position"/>.</summary>
    public static SourceRange At(SourcePosition position) => new(position, position);

    /// <summary>The smallest range that covers both ranges.</summary>
    public SourceRange Through(SourceRange other) =>
        new(other.Start.Offset < Start.Offset ? other.Start : Start, other.End.Offset > End.Offset ? other.End : End);

    /// <inheritdoc />
    public override string ToString() => $"{Start}-{End}";
}
