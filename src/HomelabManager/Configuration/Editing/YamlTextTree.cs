using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomelabManager.Configuration.Editing;

/// <summary>A node of <see cref="YamlTextTree"/>: where it is written (UTF-16 offsets, end exclusive).</summary>
internal abstract class YamlTextNode(int start, int end)
{
    /// <summary>Offset of its first character.</summary>
    public int Start { get; set; } = start;

    /// <summary>Offset just after its last character.</summary>
    public int End { get; set; } = end;
}

/// <summary>A scalar as written.</summary>
internal sealed class YamlTextScalar(int start, int end, string value, ScalarStyle style) : YamlTextNode(start, end)
{
    /// <summary>The decoded value.</summary>
    public string Value { get; } = value;

    /// <summary>True for YAML null: nothing, <c>~</c> or <c>null</c> without quotes.</summary>
    public bool IsNull => style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>An alias (<c>*name</c>); never edited through.</summary>
internal sealed class YamlTextAlias(int start, int end) : YamlTextNode(start, end);

/// <summary>A mapping; <see cref="IsFlow"/> for <c>{…}</c>.</summary>
internal sealed class YamlTextMapping(int start, bool isFlow) : YamlTextNode(start, start)
{
    /// <summary>True for the <c>{…}</c> form.</summary>
    public bool IsFlow { get; } = isFlow;

    /// <summary>The entries in file order.</summary>
    public List<YamlTextEntry> Entries { get; } = [];

    /// <summary>The entry whose key is <paramref name="key"/>, or null.</summary>
    public YamlTextEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal));
}

/// <summary>A list; <see cref="IsFlow"/> for <c>[…]</c>.</summary>
internal sealed class YamlTextSequence(int start, bool isFlow) : YamlTextNode(start, start)
{
    /// <summary>True for the <c>[…]</c> form.</summary>
    public bool IsFlow { get; } = isFlow;

    /// <summary>The items in file order.</summary>
    public List<YamlTextNode> Items { get; } = [];
}

/// <summary>One key and its value.</summary>
internal sealed record YamlTextEntry(YamlTextScalar Key, YamlTextNode Value);

/// <summary>
/// The positions of every node of a YAML document, read from YamlDotNet's parser events, so that edits can
/// replace exactly the characters of one value and leave the rest of the text (comments included) as it is.
/// </summary>
internal static class YamlTextTree
{
    /// <summary>The root node of the first document; null when the text holds no document (empty or comments only).</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static YamlTextNode? Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<YamlTextNode>();
        var pendingKeys = new Stack<YamlTextScalar?>();
        YamlTextNode? root = null;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart when root is not null:
                    return root;
                case Scalar scalar:
                    Add(new YamlTextScalar(Offset(scalar.Start), Offset(scalar.End), scalar.Value, scalar.Style));
                    break;
                case AnchorAlias alias:
                    Add(new YamlTextAlias(Offset(alias.Start), Offset(alias.End)));
                    break;
                case MappingStart mapping:
                    var map = new YamlTextMapping(Offset(mapping.Start), mapping.Style == MappingStyle.Flow);
                    Add(map);
                    stack.Push(map);
                    pendingKeys.Push(null);
                    break;
                case SequenceStart sequence:
                    var list = new YamlTextSequence(Offset(sequence.Start), sequence.Style == SequenceStyle.Flow);
                    Add(list);
                    stack.Push(list);
                    pendingKeys.Push(null);
                    break;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    pendingKeys.Pop();
                    done.End = IsFlow(done) ? FlowEnd(text, parser.Current) : LastChildEnd(done);
                    break;
            }
        }

        return root;

        void Add(YamlTextNode node)
        {
            if (stack.Count == 0)
            {
                root ??= node;
                return;
            }

            switch (stack.Peek())
            {
                case YamlTextSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlTextMapping mapping when pendingKeys.Peek() is { } key:
                    pendingKeys.Pop();
                    pendingKeys.Push(null);
                    if (node is YamlTextScalar { IsNull: true, Value: "" } empty)
                    {
                        // An empty value has no characters: place it right after the key's colon.
                        empty.Start = empty.End = AfterColon(text, key.End);
                    }

                    mapping.Entries.Add(new YamlTextEntry(key, node));
                    break;
                case YamlTextMapping:
                    pendingKeys.Pop();
                    pendingKeys.Push(node as YamlTextScalar ?? new YamlTextScalar(node.Start, node.End, string.Empty, ScalarStyle.DoubleQuoted));
                    break;
            }
        }
    }

    /// <summary>The offset just after the <c>:</c> that follows a key ending at <paramref name="keyEnd"/>.</summary>
    internal static int AfterColon(string text, int keyEnd)
    {
        for (var i = keyEnd; i < text.Length; i++)
        {
            if (text[i] == ':')
            {
                return i + 1;
            }

            if (text[i] is not (' ' or '\t'))
            {
                break;
            }
        }

        return keyEnd;
    }

    /// <summary>Just after the closing bracket (the end event's own end mark may sit on the bracket).</summary>
    private static int FlowEnd(string text, ParsingEvent end)
    {
        var start = Offset(end.Start);
        return start < text.Length && text[start] is ']' or '}' ? start + 1 : Math.Max(start, Offset(end.End));
    }

    private static bool IsFlow(YamlTextNode node) => node is YamlTextMapping { IsFlow: true } or YamlTextSequence { IsFlow: true };

    private static int LastChildEnd(YamlTextNode node)
    {
        var end = node switch
        {
            YamlTextMapping { Entries.Count: > 0 } mapping => Math.Max(mapping.Entries[^1].Key.End, mapping.Entries[^1].Value.End),
            YamlTextSequence { Items.Count: > 0 } sequence => sequence.Items[^1].End,
            _ => node.Start,
        };
        return Math.Max(end, node.Start);
    }

    private static int Offset(Mark mark) => (int)mark.Index;
}
