using System.Numerics;
using HomelabManager.Hcl.Evaluation;

namespace HomelabManager.Hcl.Parsing;

/// <summary>
/// Interns the short strings of one parse (names, keywords, short literals): each distinct text is
/// allocated once, however often it repeats, and so is its <see cref="HclString"/>
/// when it is a literal. An open-addressing table keyed by the characters themselves, so a lookup allocates nothing.
/// </summary>
internal sealed class NameTable
{
    /// <summary>Longer texts are not interned (they seldom repeat, and hashing them would cost more than it saves).</summary>
    public const int MaxLength = 48;

    private const int MaxProbes = 32;

    /// <summary>Size of the cache of recently returned names (a power of two).</summary>
    private const int RecentSize = 256;

    /// <summary>The names <see cref="Get(ReadOnlySpan{char})"/> returned last, by hash: small enough to stay in the nearest CPU cache.</summary>
    private readonly string?[] _recent = new string?[RecentSize];

    private string?[] _entries;
    private int[] _hashes;
    private HclValue?[] _values;
    private int _count;

    /// <summary>Creates a table sized for a text of <paramref name="textLength"/> characters (it grows when needed).</summary>
    public NameTable(int textLength)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(textLength / 128, 256, 1 << 16));
        _entries = new string?[capacity];
        _hashes = new int[capacity];
        _values = new HclValue?[capacity];
    }

    /// <summary>The string for <c>text[start..(start + length)]</c>.</summary>
    public string Get(string text, int start, int length) => Get(text.AsSpan(start, length));

    /// <summary>The string for <paramref name="chars"/>.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLength || chars.Length == 0)
        {
            return chars.ToString();
        }

        // Names repeat from block to block: the small cache answers them without touching the big table.
        var hash = Hash(chars);
        ref var recent = ref _recent[hash & (RecentSize - 1)];
        if (recent is not null && chars.SequenceEqual(recent))
        {
            return recent;
        }

        var slot = Find(chars, hash, null);
        var result = slot >= 0 ? _entries[slot]! : chars.ToString();
        recent = result;
        return result;
    }

    /// <summary>The string value for <paramref name="chars"/> (which must be the literal's final, decoded text).</summary>
    public HclString GetString(ReadOnlySpan<char> chars) => GetString(chars, null);

    /// <summary>The string value for <paramref name="value"/> (which must be the literal's final, decoded text).</summary>
    public HclString GetString(string value) => GetString(value, value);

    private HclString GetString(ReadOnlySpan<char> chars, string? instance)
    {
        var slot = chars.Length > MaxLength || chars.Length == 0 ? -1 : Find(chars, Hash(chars), instance);
        if (slot < 0)
        {
            return new HclString(instance ?? chars.ToString());
        }

        if (_values[slot] is HclString existing)
        {
            return existing;
        }

        var created = new HclString(_entries[slot]!);
        _values[slot] ??= created;
        return created;
    }

    /// <summary>The slot of <paramref name="chars"/> (1 to <see cref="MaxLength"/> characters, hashing to <paramref name="hash"/>; added when new), or -1 when it is not interned.</summary>
    private int Find(ReadOnlySpan<char> chars, int hash, string? instance)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = hash & mask;
        for (var probes = 0; ; probes++)
        {
            var entry = entries[slot];
            if (entry is null)
            {
                break;
            }

            if (_hashes[slot] == hash && chars.SequenceEqual(entry))
            {
                return slot;
            }

            if (probes == MaxProbes)
            {
                // A long cluster (only crafted inputs make one): stay linear, do not intern.
                return -1;
            }

            slot = (slot + 1) & mask;
        }

        entries[slot] = instance ?? chars.ToString();
        _hashes[slot] = hash;
        _count++;
        return slot;
    }

    private static int Hash(ReadOnlySpan<char> chars)
    {
        // FNV-1a over the UTF-16 units: good enough for identifiers, and cheap for short ones.
        var hash = 2166136261u;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private void Grow()
    {
        var oldEntries = _entries;
        var oldHashes = _hashes;
        var oldValues = _values;
        var entries = new string?[oldEntries.Length * 2];
        var hashes = new int[entries.Length];
        var values = new HclValue?[entries.Length];
        var mask = entries.Length - 1;
        for (var i = 0; i < oldEntries.Length; i++)
        {
            if (oldEntries[i] is null)
            {
                continue;
            }

            var slot = oldHashes[i] & mask;
            while (entries[slot] is not null)
            {
                slot = (slot + 1) & mask;
            }

            entries[slot] = oldEntries[i];
            hashes[slot] = oldHashes[i];
            values[slot] = oldValues[i];
        }

        _entries = entries;
        _hashes = hashes;
        _values = values;
    }
}
