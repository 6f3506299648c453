using System.Diagnostics.CodeAnalysis;
using System.Text;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration.Editing;

/// <summary>
/// Edits a block-style YAML list of mappings in a file's text, leaving every other character (comments, blank lines,
/// quoting, order) as it was. Positions come from the <see cref="ConfigValue"/> tree the file was loaded into.
/// Callers re-read the edited text to confirm the result.
/// </summary>
internal static class YamlBlockList
{
    /// <summary>
    /// The edit that appends a mapping of <paramref name="fields"/> to the list at <paramref name="key"/> of
    /// <paramref name="parent"/>, creating the key when it is absent or null. Values are written double-quoted.
    /// </summary>
    public static bool TryAppend(
        SourceText source,
        ConfigMapping parent,
        string key,
        IReadOnlyList<KeyValuePair<string, string>> fields,
        [NotNullWhen(true)] out YamlTextEdit? edit,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(fields);
        edit = null;
        var text = source.Text;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var entry = parent.FindEntry(key);
        if (parent.Entries.Count == 0 || Starts(text, parent.Range, '{'))
        {
            error = $"\"{parent.KeyPath}\" must be a block mapping (one \"key: value\" per line) with at least one key to be edited";
            return false;
        }

        switch (entry?.Value)
        {
            case null:
            {
                var indent = new string(' ', Column(text, parent.Entries[0].Key.Range.Start.Offset));
                var at = LineEnd(text, parent.Range.End.Offset);
                var item = Item(fields, indent + "  ", newline);
                edit = new YamlTextEdit(at, 0, Separator(text, at, newline) + indent + key + ":" + newline + item);
                error = null;
                return true;
            }

            case ConfigSequence list when !Starts(text, list.Range, '['):
            {
                if (!TryDashColumn(text, list.Items[0].Range.Start.Offset, out var dash))
                {
                    error = $"\"{list.KeyPath}\" must have one \"- \" item per line to be edited";
                    return false;
                }

                var at = LineEnd(text, list.Range.End.Offset);
                edit = new YamlTextEdit(at, 0, Separator(text, at, newline) + Item(fields, new string(' ', dash), newline));
                error = null;
                return true;
            }

            case ConfigSequence { Items.Count: 0 } or ConfigScalar { IsNull: true }:
            {
                // "key: []", "key: ~", "key:" → "key:" and the item on the next lines; a comment after the value stays.
                var value = entry.Value;
                var indent = new string(' ', Column(text, entry.Key.Range.Start.Offset) + 2);
                var from = text.IndexOf(':', entry.Key.Range.End.Offset) + 1;
                var valueEnd = value switch
                {
                    ConfigScalar { Text.Length: 0 } => from,
                    ConfigSequence when Starts(text, value.Range, '[') => text.IndexOf(']', value.Range.Start.Offset) + 1, // the model ends collections at their start
                    _ => Math.Max(from, value.Range.End.Offset),
                };
                var to = LineEnd(text, valueEnd);
                var rest = text[valueEnd..to].TrimEnd('\r', '\n');
                edit = new YamlTextEdit(from, to - from, rest + newline + Item(fields, indent, newline));
                error = null;
                return true;
            }

            default:
                error = $"\"{entry.Value.KeyPath}\" must be a list with one \"- \" item per line to be edited";
                return false;
        }
    }

    /// <summary>The edit that removes item <paramref name="index"/> of a block list, with its lines.</summary>
    public static bool TryRemove(SourceText source, ConfigSequence list, int index, [NotNullWhen(true)] out YamlTextEdit? edit, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(list);
        edit = null;
        var text = source.Text;
        var item = list.Items[index];
        if (Starts(text, list.Range, '[') || !TryDashColumn(text, item.Range.Start.Offset, out _))
        {
            error = $"\"{list.KeyPath}\" must have one \"- \" item per line to be edited";
            return false;
        }

        var from = LineStart(text, item.Range.Start.Offset);
        var to = LineEnd(text, item.Range.End.Offset);
        edit = new YamlTextEdit(from, to - from, string.Empty);
        error = null;
        return true;
    }

    private static string Item(IReadOnlyList<KeyValuePair<string, string>> fields, string indent, string newline)
    {
        var text = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            text.Append(indent).Append(i == 0 ? "- " : "  ").Append(fields[i].Key).Append(": ")
                .Append(YamlScalarText.Quote(fields[i].Value)).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>A line break when <paramref name="at"/> is the end of a file without a final one.</summary>
    private static string Separator(string text, int at, string newline) =>
        at == text.Length && at > 0 && text[at - 1] != '\n' ? newline : string.Empty;

    private static bool Starts(string text, SourceRange range, char c) =>
        range.Start.Offset < text.Length && text[range.Start.Offset] == c;

    private static int LineStart(string text, int offset)
    {
        var newline = offset == 0 ? -1 : text.LastIndexOf('\n', Math.Min(offset, text.Length) - 1);
        return newline + 1;
    }

    /// <summary>The offset just after the line holding <paramref name="offset"/> (itself when it already starts a line).</summary>
    private static int LineEnd(string text, int offset)
    {
        if (offset >= text.Length)
        {
            return text.Length;
        }

        if (offset > 0 && text[offset - 1] == '\n')
        {
            return offset;
        }

        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length : newline + 1;
    }

    private static int Column(string text, int offset) => offset - LineStart(text, offset);

    /// <summary>The column of the "- " that starts the item at <paramref name="itemStart"/> (only spaces before it on its line).</summary>
    private static bool TryDashColumn(string text, int itemStart, out int column)
    {
        var lineStart = LineStart(text, itemStart);
        var before = text[lineStart..itemStart];
        var dash = before.IndexOf('-', StringComparison.Ordinal);
        column = dash;
        return dash >= 0 && before[..dash].All(c => c == ' ') && before[(dash + 1)..].All(c => c == ' ') && before.Length > dash + 1;
    }
}
