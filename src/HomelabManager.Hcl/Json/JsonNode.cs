namespace HomelabManager.Hcl.Json;

/// <summary>The small JSON model the converter builds before writing.</summary>
internal abstract class JsonNode;

/// <summary>A number, true, false or null, written verbatim.</summary>
internal sealed class JsonRaw(string text) : JsonNode
{
    public string Text { get; } = text;
}

/// <summary>A string.</summary>
internal sealed class JsonText(string value) : JsonNode
{
    public string Value { get; } = value;
}

/// <summary>An array.</summary>
internal sealed class JsonArray : JsonNode
{
    public List<JsonNode> Items { get; } = [];
}

/// <summary>An object whose keys keep their first insertion position; setting a key again replaces the value.</summary>
internal sealed class JsonObject : JsonNode
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public List<KeyValuePair<string, JsonNode>> Members { get; } = [];

    public bool TryGet(string key, out JsonNode value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            value = Members[at].Value;
            return true;
        }

        value = null!;
        return false;
    }

    public void Set(string key, JsonNode value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            Members[at] = new(key, value);
        }
        else
        {
            _index[key] = Members.Count;
            Members.Add(new(key, value));
        }
    }
}
