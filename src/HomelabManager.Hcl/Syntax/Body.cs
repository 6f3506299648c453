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

        // Count first, so both lists are exactly sized arrays (no growth, no slack).
        var attributeCount = 0;
        var blockCount = 0;
        for (var i = 0; i < items.Count; i++)
        {
            switch (items[i])
            {
                case AttributeSyntax:
                    attributeCount++;
                    break;
                case BlockSyntax:
                    blockCount++;
                    break;
            }
        }

        var attributes = attributeCount == 0 ? [] : new AttributeSyntax[attributeCount];
        var blocks = blockCount == 0 ? [] : new BlockSyntax[blockCount];
        if (attributeCount + blockCount > 0)
        {
            attributeCount = blockCount = 0;
            for (var i = 0; i < items.Count; i++)
            {
                switch (items[i])
                {
                    case AttributeSyntax attribute:
                        attributes[attributeCount++] = attribute;
                        break;
                    case BlockSyntax block:
                        blocks[blockCount++] = block;
                        break;
                }
            }
        }

        Attributes = attributes;
        Blocks = blocks;
    }

    /// <summary>
    /// A parsed body spanning <c>[start, end)</c> of <paramref name="source"/>, whose attribute and block lists are
    /// already split out (the parser's: it may share one array for all three).
    /// </summary>
    internal Body(IReadOnlyList<SyntaxNode> items, IReadOnlyList<AttributeSyntax> attributes, IReadOnlyList<BlockSyntax> blocks, SourceText source, int start, int end)
        : base(source, start, end)
    {
        Items = items;
        Attributes = attributes;
        Blocks = blocks;
    }

    /// <summary>Attributes and blocks in source order.</summary>
    public IReadOnlyList<SyntaxNode> Items { get; }

    /// <summary>The attributes in source order.</summary>
    public IReadOnlyList<AttributeSyntax> Attributes { get; }

    /// <summary>The blocks in source order.</summary>
    public IReadOnlyList<BlockSyntax> Blocks { get; }
}
