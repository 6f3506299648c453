using System.Collections;
using System.Runtime.CompilerServices;

namespace HomelabManager.Hcl.Syntax;

/// <summary>Creates <see cref="SyntaxList{T}"/>s (the empty list is <c>default</c>).</summary>
public static class SyntaxList
{
    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static SyntaxList<T> CopyOf<T>(IReadOnlyList<T> items)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return default;
        }

        var storage = new object?[items.Count];
        for (var i = 0; i < storage.Length; i++)
        {
            storage[i] = items[i] ?? throw new ArgumentException("A syntax list cannot hold null.", nameof(items));
        }

        return new SyntaxList<T>(storage, 0, storage.Length);
    }
}

/// <summary>
/// An immutable list of syntax nodes (or labels, or object items). Parsed lists are slices of storage shared by
/// the lists of one parse, so a large tree does not carry an array object per list — fewer objects for the garbage
/// collector to trace and copy. Enumerate it with <c>foreach</c> (no allocation), index it, or use it as an
/// <see cref="IReadOnlyList{T}"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct SyntaxList<T> : IReadOnlyList<T>, IEquatable<SyntaxList<T>>
    where T : class
{
    private readonly object?[]? _storage;
    private readonly int _start;

    /// <summary>A slice of storage that holds only <typeparamref name="T"/> values from <paramref name="start"/> on.</summary>
    internal SyntaxList(object?[] storage, int start, int count)
    {
        _storage = storage;
        _start = start;
        Count = count;
    }

    /// <summary>The storage of a non-empty list (null for an empty one).</summary>
    internal object?[]? Storage => _storage;

    /// <summary>Where the list starts in <see cref="Storage"/>.</summary>
    internal int Start => _start;

    /// <summary>The number of elements.</summary>
    public int Count { get; }

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Count} elements.");
            }

            return Unsafe.As<T>(_storage![_start + index]!);
        }
    }

    /// <summary>The elements as a new array.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = this[i];
        }

        return result;
    }

    /// <summary>An enumerator that does not allocate.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Count == 0 ? ((IEnumerable<T>)[]).GetEnumerator() : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>Lists are equal when they are the same slice of the same storage.</summary>
    public bool Equals(SyntaxList<T> other) =>
        ReferenceEquals(_storage, other._storage) && _start == other._start && Count == other.Count;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SyntaxList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_storage is null ? 0 : RuntimeHelpers.GetHashCode(_storage), _start, Count);

    /// <summary>Same slice of the same storage.</summary>
    public static bool operator ==(SyntaxList<T> left, SyntaxList<T> right) => left.Equals(right);

    /// <summary>Not the same slice of the same storage.</summary>
    public static bool operator !=(SyntaxList<T> left, SyntaxList<T> right) => !left.Equals(right);

    /// <summary>Enumerates a <see cref="SyntaxList{T}"/>.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly SyntaxList<T> _list;
        private int _index;

        internal Enumerator(SyntaxList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next element.</summary>
        public bool MoveNext() => ++_index < _list.Count;

        /// <summary>Moves before the first element.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}
