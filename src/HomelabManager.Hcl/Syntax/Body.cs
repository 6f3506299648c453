using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A body: the file itself or the inside of a block (braces included in its range).</summary>
public sealed class Body : SyntaxNode
{
    /// <summary>Creates a body from its items (attributes and blocks) in source order.</summary>
    public Body(IReadOnlyList<SyntaxNode> items, SourceRange range)
        : base(range)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        List<AttributeSyntax>? attributes = null;
        List<BlockSyntax>? blocks = null;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case AttributeSyntax attribute:
                    (attributes ??= new List<AttributeSyntax>(items.Count)).Add(attribute);
                    break;
                case BlockSyntax block:
                    (blocks ??= new List<BlockSyntax>(items.Count)).Add(block);
                    break;
            }
        }

        Attributes = attributes is null ? [] : attributes;
        Blocks = blocks is null ? [] : blocks;
    }

    /// <summary>Attributes and blocks in source order.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    /// <summary>The attributes in source order.</summary>
    public IReadOnlyList<AttributeSyntax> Attributes { get; }

    /// <summary>The blocks in source order.</summary>
    public IReadOnlyList<BlockSyntax> Blocks { get; }
}
