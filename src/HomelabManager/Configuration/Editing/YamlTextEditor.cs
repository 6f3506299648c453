using System.Text;

namespace HomelabManager.Configuration.Editing;

/// <summary>
/// Edits YAML text in place: sets a value at a key path, removes a key, appends to a list. Everything an edit does
/// not touch — comments, blank lines, quoting, key order, other values — stays byte for byte; new keys follow the
/// indentation of their siblings (two spaces for new blocks) and the file's line endings.
/// </summary>
/// <remarks>
/// Each edit re-reads the text (files are a few KiB). Paths name mapping keys from the root, e.g.
/// <c>["dns", "config", "zone"]</c>. An edit that would go through a scalar or a list throws
/// <see cref="InvalidOperationException"/>; invalid YAML throws <see cref="YamlDotNet.Core.YamlException"/>.
/// </remarks>
internal sealed class YamlTextEditor
{
    private const int IndentStep = 2;

    /// <summary>Starts editing <paramref name="text"/>.</summary>
    public YamlTextEditor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        YamlTextTree.Parse(text);
    }

    /// <summary>The text with every edit so far.</summary>
    public string Text { get; private set; }

    private string NewLine => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    /// <summary>The decoded scalar at <paramref name="path"/>; null when absent, YAML null or not a scalar.</summary>
    public string? GetScalar(params IReadOnlyList<string> path) =>
        Find(YamlTextTree.Parse(Text), path) is YamlTextScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>The keys of the mapping at <paramref name="path"/> in file order; empty when it is absent or not a mapping.</summary>
    public IReadOnlyList<string> KeysAt(params IReadOnlyList<string> path) =>
        Find(YamlTextTree.Parse(Text), path) is YamlTextMapping mapping ? [.. mapping.Entries.Select(e => e.Key.Value)] : [];

    /// <summary>The scalar items of the list at <paramref name="path"/>; null when it is absent or not a list of scalars.</summary>
    public IReadOnlyList<string>? GetScalars(params IReadOnlyList<string> path) =>
        Find(YamlTextTree.Parse(Text), path) is YamlTextSequence sequence && sequence.Items.All(i => i is YamlTextScalar)
            ? [.. sequence.Items.Cast<YamlTextScalar>().Select(i => i.Value)]
            : null;

    /// <summary>True when a key exists at <paramref name="path"/> (whatever its value).</summary>
    public bool Contains(params IReadOnlyList<string> path) => path.Count > 0 && Find(YamlTextTree.Parse(Text), path) is not null;

    /// <summary>Sets the scalar at <paramref name="path"/>, creating the key and any missing parent mappings.</summary>
    public void SetScalar(IReadOnlyList<string> path, string value) => Set(path, YamlEditValue.Scalar(value));

    /// <summary>
    /// Sets the value at <paramref name="path"/>, creating the key and any missing parent mappings. A scalar replacing a
    /// scalar keeps the rest of its line (a trailing comment); an unchanged scalar is not rewritten at all.
    /// </summary>
    public void Set(IReadOnlyList<string> path, YamlEditValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        if (path.Count == 0)
        {
            throw new ArgumentException("The key path is empty.", nameof(path));
        }

        var node = YamlTextTree.Parse(Text);
        YamlTextEntry? owner = null;
        YamlTextMapping? ownerMapping = null;
        for (var i = 0; i < path.Count; i++)
        {
            var rest = Nest(path.Skip(i + 1).ToList(), value);
            switch (node)
            {
                case null:
                    AppendToDocument(path[i], rest);
                    return;
                case YamlTextMapping mapping:
                    var entry = mapping.Find(path[i]);
                    if (entry is null)
                    {
                        InsertEntry(mapping, path[i], rest);
                        return;
                    }

                    if (i == path.Count - 1)
                    {
                        ReplaceValue(mapping, entry, value);
                        return;
                    }

                    owner = entry;
                    ownerMapping = mapping;
                    node = entry.Value;
                    break;
                case YamlTextScalar { IsNull: true } when owner is not null && ownerMapping is not null:
                    ReplaceValue(ownerMapping, owner, Nest(path.Skip(i).ToList(), value));
                    return;
                default:
                    throw new InvalidOperationException($"\"{string.Join('.', path.Take(i))}\" is not a mapping, so \"{path[i]}\" cannot be set in it.");
            }
        }
    }

    /// <summary>Removes the key at <paramref name="path"/> with its value (and comments indented under it); false when absent.</summary>
    public bool Remove(params IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            return false;
        }

        var root = YamlTextTree.Parse(Text);
        if (Find(root, path.Take(path.Count - 1).ToList()) is not YamlTextMapping mapping || mapping.Find(path[^1]) is not { } entry)
        {
            return false;
        }

        if (mapping.IsFlow)
        {
            var index = mapping.Entries.IndexOf(entry);
            var (from, to) = index < mapping.Entries.Count - 1
                ? (entry.Key.Start, mapping.Entries[index + 1].Key.Start)
                : index > 0 ? (EntryValueEnd(mapping.Entries[index - 1]), EntryValueEnd(entry)) : (entry.Key.Start, EntryValueEnd(entry));
            Replace(from, to, string.Empty);
            return true;
        }

        var end = RegionEnd(EntryValueEnd(entry), KeyIndent(entry) + 1);
        var start = entry.Key.Start;
        if (OnlySpacesBefore(start))
        {
            start = LineStart(start);
            end = Math.Min(Text.Length, end + NewLineLengthAt(end));
        }

        Replace(start, end, string.Empty);
        return true;
    }

    /// <summary>
    /// Appends <paramref name="item"/> to the list at <paramref name="path"/>, creating the list when absent or null.
    /// An empty <c>[]</c> given a mapping becomes a block list (its trailing comment kept); other flow lists stay flow.
    /// </summary>
    public void AppendToSequence(IReadOnlyList<string> path, YamlEditValue item)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(item);
        switch (Find(YamlTextTree.Parse(Text), path))
        {
            case null or YamlTextScalar { IsNull: true }:
            case YamlTextSequence { IsFlow: true, Items.Count: 0 } when item is YamlEditMapping { Entries.Count: > 0 }:
                Set(path, YamlEditValue.Sequence(item));
                return;
            case YamlTextSequence { IsFlow: true } flow:
                var text = RenderFlow(item);
                if (flow.Items.Count == 0)
                {
                    Replace(flow.Start + 1, flow.Start + 1, text);
                }
                else
                {
                    Replace(flow.Items[^1].End, flow.Items[^1].End, ", " + text);
                }

                return;
            case YamlTextSequence block:
                var dash = ItemDash(block.Items[0], path);
                var indent = dash - LineStart(dash);
                var at = RegionEnd(block.Items[^1].End, indent + 1);
                Replace(at, at, NewLine + RenderItem(item, indent));
                return;
            default:
                throw new InvalidOperationException($"\"{string.Join('.', path)}\" is not a list.");
        }
    }

    /// <summary>
    /// Removes item <paramref name="index"/> of the list at <paramref name="path"/>: in a block list its lines (with the
    /// comments indented under it), in a flow list the item and one comma. False when there is no such list or item.
    /// </summary>
    public bool RemoveSequenceItem(IReadOnlyList<string> path, int index)
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (Find(YamlTextTree.Parse(Text), path))
        {
            case null or YamlTextScalar { IsNull: true }:
                return false;
            case YamlTextSequence list when index < 0 || index >= list.Items.Count:
                return false;
            case YamlTextSequence { IsFlow: true } flow:
                var items = flow.Items;
                var (from, to) = index < items.Count - 1
                    ? (items[index].Start, items[index + 1].Start)
                    : index > 0 ? (items[index - 1].End, items[index].End) : (items[index].Start, items[index].End);
                Replace(from, to, string.Empty);
                return true;
            case YamlTextSequence block:
                var dash = ItemDash(block.Items[index], path);
                var start = LineStart(dash);
                var end = RegionEnd(block.Items[index].End, dash - start + 1);
                Replace(start, Math.Min(Text.Length, end + NewLineLengthAt(end)), string.Empty);
                return true;
            default:
                throw new InvalidOperationException($"\"{string.Join('.', path)}\" is not a list.");
        }
    }

    private static YamlTextNode? Find(YamlTextNode? root, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var key in path)
        {
            node = node is YamlTextMapping mapping ? mapping.Find(key)?.Value : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static YamlEditValue Nest(List<string> keys, YamlEditValue value)
    {
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            value = YamlEditValue.Mapping(new KeyValuePair<string, YamlEditValue>(keys[i], value));
        }

        return value;
    }

    private void AppendToDocument(string key, YamlEditValue value)
    {
        var prefix = Text.Length == 0 || Text.EndsWith('\n') ? string.Empty : NewLine;
        Text += prefix + RenderEntry(key, value, 0) + NewLine;
    }

    private void InsertEntry(YamlTextMapping mapping, string key, YamlEditValue value)
    {
        if (mapping.IsFlow)
        {
            var entry = $"{YamlScalarText.Format(key, inFlow: true)}: {RenderFlow(value)}";
            if (mapping.Entries.Count == 0)
            {
                Replace(mapping.Start + 1, mapping.Start + 1, " " + entry + " ");
            }
            else
            {
                var after = EntryValueEnd(mapping.Entries[^1]);
                Replace(after, after, ", " + entry);
            }

            return;
        }

        var indent = KeyIndent(mapping.Entries[0]);
        var at = RegionEnd(EntryValueEnd(mapping.Entries[^1]), indent);
        var separator = indent == 0 && value is not YamlEditScalar ? NewLine + NewLine : NewLine;
        Replace(at, at, separator + RenderEntry(key, value, indent));
    }

    private void ReplaceValue(YamlTextMapping mapping, YamlTextEntry entry, YamlEditValue value)
    {
        var old = entry.Value;
        if (mapping.IsFlow)
        {
            Replace(old.Start, old.End, (old.Start == old.End ? " " : string.Empty) + RenderFlow(value));
            return;
        }

        var afterColon = YamlTextTree.AfterColon(Text, entry.Key.End);
        if (value is YamlEditScalar scalar)
        {
            switch (old)
            {
                case YamlTextScalar { IsNull: false } existing when existing.Value == scalar.Text:
                    return;
                case YamlTextScalar { Value: "" } when old.Start == old.End:
                    Replace(afterColon, afterColon, " " + scalar.Render());
                    return;
                case YamlTextScalar or YamlTextAlias:
                    Replace(old.Start, old.End, scalar.Render());
                    return;
                default:
                    var blockEnd = RegionEnd(EntryValueEnd(entry), KeyIndent(entry) + 1);
                    Replace(LineEnd(afterColon), blockEnd, string.Empty);
                    if (LineOf(old.Start) == LineOf(afterColon))
                    {
                        Replace(old.Start, Math.Min(old.End, LineEnd(afterColon)), scalar.Render());
                    }
                    else
                    {
                        Replace(afterColon, afterColon, " " + scalar.Render());
                    }

                    return;
            }
        }

        if (old is YamlTextSequence { IsFlow: true } or YamlTextMapping { IsFlow: true } && !(old is YamlTextSequence { Items.Count: 0 } && HasMapping(value)))
        {
            // A collection written in flow style stays in flow style (but mappings do not go into an empty "[]").
            Replace(old.Start, old.End, RenderFlow(value));
            return;
        }

        // A collection: drop the old value, then write the new block under the key's line.
        var keyIndent = KeyIndent(entry);
        if (old.Start != old.End && LineOf(old.Start) == LineOf(afterColon) && old.End <= LineEnd(afterColon))
        {
            Replace(TrimSpacesBefore(old.Start, afterColon), old.End, string.Empty);
        }
        else if (old.Start != old.End)
        {
            Replace(LineEnd(afterColon), RegionEnd(EntryValueEnd(entry), keyIndent + 1), string.Empty);
        }

        var at = LineEnd(afterColon);
        var block = RenderEntry(entry.Key.Value, value, keyIndent);
        var firstBreak = block.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0)
        {
            // An empty collection renders inline: "key: {}" / "key: []".
            Replace(afterColon, afterColon, block[(block.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            return;
        }

        Replace(at, at, NewLine + block[(firstBreak + 1)..]);
    }

    private static bool HasMapping(YamlEditValue value) =>
        value is YamlEditSequence sequence && sequence.Items.Any(i => i is YamlEditMapping { Entries.Count: > 0 });

    private int TrimSpacesBefore(int position, int limit)
    {
        while (position > limit && Text[position - 1] is ' ' or '\t')
        {
            position--;
        }

        return position;
    }

    private static int EntryValueEnd(YamlTextEntry entry) => Math.Max(entry.Key.End, entry.Value.End);

    private int KeyIndent(YamlTextEntry entry) => entry.Key.Start - LineStart(entry.Key.Start);

    /// <summary>
    /// The end of the line where a value ends, extended over the comment lines right below it that are indented at least
    /// <paramref name="minIndent"/> (they belong to it); never over a blank line.
    /// </summary>
    private int RegionEnd(int valueEnd, int minIndent)
    {
        var position = valueEnd;
        if (position > 0 && position <= Text.Length && Text[position - 1] == '\n')
        {
            position--; // block scalars end after their last line break
        }

        var end = LineEnd(position);
        while (end < Text.Length)
        {
            var next = end + NewLineLengthAt(end);
            var first = next;
            while (first < Text.Length && Text[first] == ' ')
            {
                first++;
            }

            if (first >= Text.Length || Text[first] != '#' || first - next < minIndent)
            {
                break;
            }

            end = LineEnd(first);
        }

        return end;
    }

    /// <summary>The "- " of a block list item, which must start its line; anything else cannot be edited safely.</summary>
    private int ItemDash(YamlTextNode item, IReadOnlyList<string> path)
    {
        var dash = DashBefore(item.Start);
        if (dash >= Text.Length || Text[dash] != '-' || !OnlySpacesBefore(dash))
        {
            throw new InvalidOperationException($"\"{string.Join('.', path)}\" must have each item on its own line, starting with \"- \", to be edited.");
        }

        return dash;
    }

    private int DashBefore(int position)
    {
        var i = position - 1;
        while (i >= 0 && Text[i] is ' ' or '\t')
        {
            i--;
        }

        return i >= 0 && Text[i] == '-' ? i : position;
    }

    private int LineStart(int position)
    {
        var i = Math.Min(position, Text.Length);
        while (i > 0 && Text[i - 1] != '\n')
        {
            i--;
        }

        return i;
    }

    private int LineEnd(int position)
    {
        var newline = Text.IndexOf('\n', Math.Min(position, Text.Length));
        if (newline < 0)
        {
            return Text.Length;
        }

        return newline > 0 && Text[newline - 1] == '\r' && newline - 1 >= position ? newline - 1 : newline;
    }

    private int LineOf(int position) => Text.AsSpan(0, Math.Min(position, Text.Length)).Count('\n');

    private int NewLineLengthAt(int position) =>
        position < Text.Length && Text[position] == '\r' && position + 1 < Text.Length && Text[position + 1] == '\n' ? 2
        : position < Text.Length && Text[position] == '\n' ? 1 : 0;

    private bool OnlySpacesBefore(int position)
    {
        for (var i = position - 1; i >= 0 && Text[i] != '\n'; i--)
        {
            if (Text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private void Replace(int start, int end, string replacement)
    {
        Text = string.Concat(Text.AsSpan(0, start), replacement, Text.AsSpan(end));
    }

    private string RenderEntry(string key, YamlEditValue value, int indent)
    {
        var builder = new StringBuilder();
        WriteEntry(builder, key, value, indent);
        return builder.ToString();
    }

    private string RenderItem(YamlEditValue item, int indent)
    {
        var builder = new StringBuilder();
        WriteItem(builder, item, indent);
        return builder.ToString();
    }

    private void WriteEntry(StringBuilder builder, string key, YamlEditValue value, int indent)
    {
        builder.Append(' ', indent).Append(YamlScalarText.Format(key)).Append(':');
        switch (value)
        {
            case YamlEditScalar scalar:
                builder.Append(' ').Append(scalar.Render());
                break;
            case YamlEditMapping { Entries.Count: 0 }:
                builder.Append(" {}");
                break;
            case YamlEditSequence { Items.Count: 0 }:
                builder.Append(" []");
                break;
            case YamlEditMapping mapping:
                foreach (var (childKey, childValue) in mapping.Entries)
                {
                    builder.Append(NewLine);
                    WriteEntry(builder, childKey, childValue, indent + IndentStep);
                }

                break;
            case YamlEditSequence sequence:
                foreach (var item in sequence.Items)
                {
                    builder.Append(NewLine);
                    WriteItem(builder, item, indent + IndentStep);
                }

                break;
        }
    }

    private void WriteItem(StringBuilder builder, YamlEditValue item, int indent)
    {
        builder.Append(' ', indent).Append('-');
        switch (item)
        {
            case YamlEditMapping { Entries.Count: > 0 } mapping:
                var first = true;
                foreach (var (key, value) in mapping.Entries)
                {
                    if (first)
                    {
                        var entry = RenderEntry(key, value, indent + IndentStep);
                        builder.Append(' ').Append(entry.AsSpan(indent + IndentStep));
                        first = false;
                    }
                    else
                    {
                        builder.Append(NewLine);
                        WriteEntry(builder, key, value, indent + IndentStep);
                    }
                }

                break;
            default:
                builder.Append(' ').Append(RenderFlow(item));
                break;
        }
    }

    private static string RenderFlow(YamlEditValue value) => value switch
    {
        YamlEditScalar scalar => scalar.Render(inFlow: true),
        YamlEditMapping { Entries.Count: 0 } => "{}",
        YamlEditMapping mapping => "{ " + string.Join(", ", mapping.Entries.Select(e => $"{YamlScalarText.Format(e.Key, inFlow: true)}: {RenderFlow(e.Value)}")) + " }",
        YamlEditSequence sequence => "[" + string.Join(", ", sequence.Items.Select(RenderFlow)) + "]",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
