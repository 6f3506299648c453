using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Syntax;

/// <summary>A body: the file itself or the inside of a block (braces included in its range).</summary>
/// <remarks>
/// Its three lists are slices of one stretch of storage: the items in source order, then — only when the body has
/// both — the attributes and the blocks again. A body of only attributes (or only blocks) stores its items once.
/// </remarks>
public sealed class Body : SyntaxNode
{
    private readonly object?[]? _storage;
    private readonly int _storageStart;
    private readonly int _attributeCount;
    private readonly int _blockCount;

    /// <summary>Creates a body from its items (attributes and blocks) in source order.</summary>
    public Body(IReadOnlyList<SyntaxNode> items, SourceRange range)
        : base(range)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = new SyntaxNode[items.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i] is AttributeSyntax or BlockSyntax
                ? items[i]
                : throw new ArgumentException("A body holds attributes and blocks only.", nameof(items));
        }

        (_attributeCount, _blockCount) = Count(copy);
        _storage = new object?[StorageLength(_attributeCount, _blockCount)];
        Fill(copy, _attributeCount, _blockCount, _storage, 0);
    }

    /// <summary>
    /// A parsed body spanning <c>[start, end)</c> of <paramref name="source"/>, whose lists the parser laid out with
    /// <see cref="Fill"/> at <paramref name="storageStart"/> of <paramref name="storage"/>.
    /// </summary>
    internal Body(object?[]? storage, int storageStart, int attributeCount, int blockCount, SourceText source, int start, int end)
        : base(source, start, end)
    {
        _storage = storage;
        _storageStart = storageStart;
        _attributeCount = attributeCount;
        _blockCount = blockCount;
    }

    /// <summary>Attributes and blocks in source order.</summary>
    public SyntaxList<SyntaxNode> Items => Slice<SyntaxNode>(0, _attributeCount + _blockCount);

    /// <summary>The attributes in source order.</summary>
    public SyntaxList<AttributeSyntax> Attributes =>
        _blockCount == 0 ? Slice<AttributeSyntax>(0, _attributeCount) : Slice<AttributeSyntax>(_attributeCount + _blockCount, _attributeCount);

    /// <summary>The blocks in source order.</summary>
    public SyntaxList<BlockSyntax> Blocks =>
        _attributeCount == 0 ? Slice<BlockSyntax>(0, _blockCount) : Slice<BlockSyntax>(_attributeCount + _blockCount + _attributeCount, _blockCount);

    /// <summary>How many attributes and blocks <paramref name="items"/> holds.</summary>
    internal static (int Attributes, int Blocks) Count(ReadOnlySpan<SyntaxNode> items)
    {
        var blocks = 0;
        foreach (var item in items)
        {
            if (item is BlockSyntax)
            {
                blocks++;
            }
        }

        return (items.Length - blocks, blocks);
    }

    /// <summary>The slots a body with these counts needs.</summary>
    internal static int StorageLength(int attributeCount, int blockCount) =>
        attributeCount == 0 || blockCount == 0 ? attributeCount + blockCount : 2 * (attributeCount + blockCount);

    /// <summary>Lays out a body's lists at <paramref name="start"/> of <paramref name="storage"/> (see the remarks).</summary>
    internal static void Fill(ReadOnlySpan<SyntaxNode> items, int attributeCount, int blockCount, object?[] storage, int start)
    {
        var attribute = start + items.Length;
        var block = attribute + attributeCount;
        var mixed = attributeCount > 0 && blockCount > 0;
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            storage[start + i] = item;
            if (mixed)
            {
                storage[item is BlockSyntax ? block++ : attribute++] = item;
            }
        }
    }

    /// <summary>This parsed body with another range (the file's body spans the whole file).</summary>
    internal Body Spanning(SourceText source, int start, int end) =>
        new(_storage, _storageStart, _attributeCount, _blockCount, source, start, end);

    private SyntaxList<T> Slice<T>(int offset, int count)
        where T : class =>
        count == 0 ? default : new SyntaxList<T>(_storage!, _storageStart + offset, count);
}
