using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>Base of every syntax node: an immutable node that knows its exact source range.</summary>
public abstract class SyntaxNode
{
    private protected SyntaxNode(SourceRange range) => Range = range;

    /// <summary>The node's exact range in the source.</summary>
    public SourceRange Range { get; }

    /// <summary>The exact source text of the node.</summary>
    public string GetText(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var start = Math.Clamp(Range.Start.Offset, 0, source.Text.Length);
        var end = Math.Clamp(Range.End.Offset, start, source.Text.Length);
        return source.Text[start..end];
    }
}
