namespace HomelabManager.Configuration.Editing;

/// <summary>A value to write with <see cref="YamlTextEditor"/>: a scalar, a mapping or a list, rendered in the file's style.</summary>
internal abstract record YamlEditValue
{
    private protected YamlEditValue()
    {
    }

    /// <summary>A single value, written plain when YAML allows, else double-quoted.</summary>
    public static YamlEditValue Scalar(string text) => new YamlEditScalar(text);

    /// <summary>A single value, always written double-quoted (e.g. keys and addresses written by a command).</summary>
    public static YamlEditValue Quoted(string text) => new YamlEditScalar(text, AlwaysQuoted: true);

    /// <summary>A mapping, keys in the given order.</summary>
    public static YamlEditValue Mapping(params IReadOnlyList<KeyValuePair<string, YamlEditValue>> entries) => new YamlEditMapping(entries);

    /// <summary>A list.</summary>
    public static YamlEditValue Sequence(params IReadOnlyList<YamlEditValue> items) => new YamlEditSequence(items);
}

/// <summary>A single value.</summary>
/// <param name="Text">The value (not YAML-escaped).</param>
/// <param name="AlwaysQuoted">True to write it double-quoted even when it could be plain.</param>
internal sealed record YamlEditScalar(string Text, bool AlwaysQuoted = false) : YamlEditValue
{
    /// <summary>The YAML text of the value; <paramref name="inFlow"/> inside <c>[…]</c> or <c>{…}</c>.</summary>
    public string Render(bool inFlow = false) => AlwaysQuoted ? YamlScalarText.Quote(Text) : YamlScalarText.Format(Text, inFlow);
}

/// <summary>A mapping.</summary>
/// <param name="Entries">Keys and values in order.</param>
internal sealed record YamlEditMapping(IReadOnlyList<KeyValuePair<string, YamlEditValue>> Entries) : YamlEditValue;

/// <summary>A list.</summary>
/// <param name="Items">The items in order.</param>
internal sealed record YamlEditSequence(IReadOnlyList<YamlEditValue> Items) : YamlEditValue;
