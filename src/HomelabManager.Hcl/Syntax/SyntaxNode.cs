using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>
/// Base of every syntax node: an immutable node that knows its exact source range. Parsed nodes keep only
/// UTF-16 offsets and their source, and work out lines and columns when a range is asked for (from the
/// source's line table), so a large tree costs two integers per range; nodes built through the public
/// constructors keep the ranges they were given.
/// </summary>
public abstract class SyntaxNode
{
    /// <summary>The <see cref="SourceText"/> the offsets are in, or the given ranges (the node's first, then its subclass's).</summary>
    private readonly object _location;

    private protected SyntaxNode(SourceRange range)
        : this([range])
    {
    }

    /// <summary>A node with explicit ranges: <paramref name="ranges"/>[0] is the node's own.</summary>
    private protected SyntaxNode(SourceRange[] ranges)
    {
        _location = ranges;
        Start = ranges[0].Start.Offset;
        End = ranges[0].End.Offset;
    }

    /// <summary>A parsed node spanning <c>[start, end)</c> of <paramref name="source"/>.</summary>
    private protected SyntaxNode(SourceText source, int start, int end)
    {
        _location = source;
        Start = start;
        End = end;
    }

    /// <summary>The node's exact range in the source.</summary>
    public SourceRange Range => RangeOf(0, Start, End);

    /// <summary>The UTF-16 offset where the node starts.</summary>
    internal int Start { get; }

    /// <summary>The UTF-16 offset just after the node.</summary>
    internal int End { get; }

    /// <summary>The source of a parsed node (null for nodes built with explicit ranges).</summary>
    private protected SourceText? ParsedSource => _location as SourceText;

    /// <summary>The exact source text of the node.</summary>
    public string GetText(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = Math.Clamp(Start, 0, source.Text.Length);
        var end = Math.Clamp(End, start, source.Text.Length);
        return source.Text[start..end];
    }

    /// <summary>
    /// A range of this node: <c>[start, end)</c> resolved in the source of a parsed node, or the explicit
    /// range number <paramref name="index"/> of a node built with explicit ranges.
    /// </summary>
    private protected SourceRange RangeOf(int index, int start, int end) =>
        _location is SourceText source ? source.RangeOf(start, end) : ((SourceRange[])_location)[index];
}
