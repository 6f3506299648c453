using HomelabManager.Hcl.Syntax;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// The storage of one parse's <see cref="SyntaxList{T}"/>s: lists are copied into shared chunks (growing from 64 to
/// 1,024 slots, so a small file allocates little), long lists get storage of their own.
/// </summary>
internal sealed class SyntaxListStore
{
    private const int FirstChunk = 64;
    private const int LargestChunk = 1024;

    private object?[] _chunk = [];
    private int _used;

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public SyntaxList<T> Add<T>(ReadOnlySpan<T> items)
        where T : class
    {
        if (items.Length == 0)
        {
            return default;
        }

        var storage = Reserve(items.Length, out var start);
        for (var i = 0; i < items.Length; i++)
        {
            storage[start + i] = items[i];
        }

        return new SyntaxList<T>(storage, start, items.Length);
    }

    /// <summary>Room for <paramref name="count"/> consecutive slots: the storage and where they start.</summary>
    public object?[] Reserve(int count, out int start)
    {
        if (count > LargestChunk / 4)
        {
            start = 0;
            return new object?[count];
        }

        if (_used + count > _chunk.Length)
        {
            _chunk = new object?[Math.Clamp(_chunk.Length * 2, FirstChunk, LargestChunk)];
            _used = 0;
        }

        start = _used;
        _used += count;
        return _chunk;
    }
}
