using System.Runtime.CompilerServices;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// A reusable stack for building the item lists of nested constructs: each construct remembers the count
/// when it starts, pushes its items, and pops them into a list (see SyntaxListStore) when it ends. Nested
/// constructs finish before their parent pushes again, so one buffer serves the whole parse.
/// </summary>
internal sealed class ScratchStack<T>
{
    private T[] _items = new T[32];

    public int Count { get; private set; }

    public ref T this[int index] => ref _items[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>The items pushed since <paramref name="mark"/>.</summary>
    public Span<T> Since(int mark) => _items.AsSpan(mark, Count - mark);

    /// <summary>Drops the items pushed since <paramref name="mark"/>.</summary>
    public void Truncate(int mark)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, mark, Count - mark);
        }

        Count = mark;
    }
}
