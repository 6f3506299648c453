using System.Text;

namespace HomelabManager.Jobs;

/// <summary>
/// A tiny HCL document builder: attributes and nested blocks, rendered with two-space indents and
/// <c>=</c> aligned within each run of consecutive attributes (as <c>nomad fmt</c> does).
/// </summary>
internal sealed class HclBlock
{
    private readonly List<object> _items = [];

    public HclBlock(string header)
    {
        Header = header;
    }

    /// <summary>Block type plus quoted labels, e.g. <c>job "web"</c>.</summary>
    public string Header { get; }

    /// <summary>Adds <c>name = value</c> (value already rendered) unless <paramref name="value"/> is null.</summary>
    public HclBlock Attribute(string name, string? value)
    {
        if (value is not null)
        {
            _items.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds a nested block and returns it.</summary>
    public HclBlock Block(string type, params string[] labels)
    {
        var header = labels.Length == 0 ? type : type + " " + string.Join(' ', labels.Select(HclText.Quote));
        var block = new HclBlock(header);
        _items.Add(block);
        return block;
    }

    /// <summary>A string map as a block (<c>meta { key = "v" }</c>), or as an object attribute when a key is not an identifier.</summary>
    public HclBlock Map(string name, IReadOnlyDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return this;
        }

        if (values.Keys.All(HclText.IsIdentifier))
        {
            var block = Block(name);
            foreach (var (key, value) in values)
            {
                block.Attribute(key, HclText.Quote(value));
            }
        }
        else
        {
            var entries = values.Select(kv => $"{HclText.Quote(kv.Key)} = {HclText.Quote(kv.Value)}");
            Attribute(name, "{ " + string.Join(", ", entries) + " }");
        }

        return this;
    }

    /// <summary>The rendered text, ending with a newline.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Render(text, 0);
        return text.ToString();
    }

    private void Render(StringBuilder text, int depth)
    {
        var indent = new string(' ', depth * 2);
        text.Append(indent).Append(Header).Append(" {\n");
        var inner = new string(' ', (depth + 1) * 2);
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i] is HclBlock block)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                block.Render(text, depth + 1);
                continue;
            }

            // A run of consecutive attributes shares one alignment column.
            var end = i;
            while (end < _items.Count && _items[end] is KeyValuePair<string, string>)
            {
                end++;
            }

            var run = _items.Skip(i).Take(end - i).Cast<KeyValuePair<string, string>>().ToList();
            var width = run.Max(kv => kv.Key.Length);
            if (i > 0)
            {
                text.Append('\n');
            }

            foreach (var (name, value) in run)
            {
                text.Append(inner).Append(name.PadRight(width)).Append(" = ").Append(value).Append('\n');
            }

            i = end - 1;
        }

        text.Append(indent).Append("}\n");
    }
}
