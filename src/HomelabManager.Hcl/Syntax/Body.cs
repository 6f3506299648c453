using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A body: the file itself or the inside of a block (braces included in its range).</summary>
public sealed class Body(IReadOnlyList<SyntaxNode> items, SourceRange range) : SyntaxNode(range)
{
    /// <summary>Attributes and blocks in source order.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; } = items;

    /// <summary>The attributes in source order.</summary>
    public IReadOnlyList<AttributeSyntax> Attributes { get; } = [.. items.OfType<AttributeSyntax>()];

    /// <summary>The blocks in source order.</summary>
    public IReadOnlyList<BlockSyntax> Blocks { get; } = [.. items.OfType<BlockSyntax>()];
}
