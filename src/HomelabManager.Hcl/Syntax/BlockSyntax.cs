using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A block <c>type "label" ... { body }</c>.</summary>
public sealed class BlockSyntax(
    string type,
    SourceRange typeRange,
    IReadOnlyList<BlockLabel> labels,
    Body body,
    SourceRange openBraceRange,
    SourceRange range) : SyntaxNode(range)
{
    /// <summary>The block type.</summary>
    public string Type { get; } = type;

    /// <summary>The range of the type name.</summary>
    public SourceRange TypeRange { get; } = typeRange;

    /// <summary>The labels in order.</summary>
    public IReadOnlyList<BlockLabel> Labels { get; } = labels;

    /// <summary>The block body.</summary>
    public Body Body { get; } = body;

    /// <summary>The range of "{" (the type's range when the block has none because of an error).</summary>
    public SourceRange OpenBraceRange { get; } = openBraceRange;
}
