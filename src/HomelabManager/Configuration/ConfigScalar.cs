using System.Globalization;
using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Secrets;

namespace HomelabManager.Configuration;

/// <summary>
/// A single YAML value (string, number, boolean or null as written). <c>${NAME}</c> placeholders stay in
/// <see cref="Text"/> and are filled only by <see cref="Resolve"/>, so a placeholder nobody uses never fails.
/// </summary>
public sealed class ConfigScalar : ConfigValue
{
    private readonly PlaceholderTemplate _template;

    internal ConfigScalar(SourceText source, SourceRange range, string keyPath, SourceRange? keyRange, string text, bool isQuoted)
        : base(source, range, keyPath, keyRange)
    {
        Text = text;
        IsQuoted = isQuoted;
        _template = PlaceholderTemplate.Parse(text);
    }

    /// <summary>The value as written (YAML escapes decoded, placeholders not filled). May be a secret: never print it.</summary>
    public string Text { get; }

    /// <summary>True when written in quotes (or as a block scalar), so it is a string whatever it looks like.</summary>
    public bool IsQuoted { get; }

    /// <summary>True for YAML null: an empty value, <c>~</c> or <c>null</c> without quotes.</summary>
    public bool IsNull => !IsQuoted && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>True when the value contains at least one <c>${NAME}</c> placeholder.</summary>
    public bool HasPlaceholders => _template.HasPlaceholders;

    /// <summary>True when the placeholders are malformed (reported once, when the file was loaded).</summary>
    public bool HasMalformedPlaceholder => _template.IsMalformed;

    /// <inheritdoc />
    public override string Description => IsNull ? "null" : "a single value";

    /// <summary>
    /// The value with every <c>${NAME}</c> filled from <paramref name="variables"/> and <c>$${</c> turned into <c>${</c>.
    /// Returns null when a variable is not set (one HLM120 per missing variable, at the placeholder, naming only the
    /// variable) or the value is malformed. A <c>vault:</c> reference comes back as text: see <see cref="VaultReference.TryParse"/>.
    /// </summary>
    public string? Resolve(IVariableSource variables, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (_template.IsMalformed)
        {
            return null;
        }

        var builder = new StringBuilder();
        var missing = false;
        var searchFrom = Range.Start.Offset;
        foreach (var segment in _template.Segments)
        {
            if (!segment.IsPlaceholder)
            {
                builder.Append(segment.Text);
                continue;
            }

            var placeholderRange = LocatePlaceholder(segment.Text, ref searchFrom);
            if (variables.TryGetValue(segment.Text, out var value))
            {
                builder.Append(value);
            }
            else
            {
                diagnostics.Add(ConfigurationDiagnostics.UndefinedVariable(Path, placeholderRange, segment.Text));
                missing = true;
            }
        }

        return missing ? null : builder.ToString();
    }

    /// <summary>Resolves and reads a whole number; anything else is reported (HLM113) without echoing the value.</summary>
    public bool TryResolveInteger(IVariableSource variables, DiagnosticBag diagnostics, out long value)
    {
        value = 0;
        var text = Resolve(variables, diagnostics);
        if (text is null)
        {
            return false;
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        diagnostics.Add(ConfigurationDiagnostics.InvalidValue(Path, Range, KeyPath, "Expected a whole number."));
        return false;
    }

    /// <summary>Resolves and reads <c>true</c> or <c>false</c> (any case); anything else is reported (HLM113).</summary>
    public bool TryResolveBoolean(IVariableSource variables, DiagnosticBag diagnostics, out bool value)
    {
        value = false;
        var text = Resolve(variables, diagnostics);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out value))
        {
            return true;
        }

        diagnostics.Add(ConfigurationDiagnostics.InvalidValue(Path, Range, KeyPath, "Expected true or false."));
        return false;
    }

    /// <summary>Reports a malformed placeholder or <c>vault:</c> reference written in this value (done once, at load).</summary>
    internal void ReportSyntaxProblems(DiagnosticBag diagnostics)
    {
        if (_template.IsMalformed)
        {
            diagnostics.Add(ConfigurationDiagnostics.MalformedPlaceholder(Path, LocateMalformedPlaceholder()));
        }
        else if (!HasPlaceholders && VaultReference.HasPrefix(Text) && !VaultReference.TryParse(Text, out _))
        {
            diagnostics.Add(ConfigurationDiagnostics.MalformedVaultReference(Path, Range));
        }
    }

    /// <summary>
    /// Finds <c>${name}</c> in the written source of this value, after <paramref name="searchFrom"/>;
    /// falls back to the whole value when escapes make the written form differ.
    /// </summary>
    private SourceRange LocatePlaceholder(string name, ref int searchFrom)
    {
        var token = "${" + name + "}";
        var text = Source.Text;
        var end = Math.Min(Range.End.Offset, text.Length);
        var at = searchFrom;
        while (at < end)
        {
            var found = text.IndexOf(token, at, end - at, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            if (found == 0 || text[found - 1] != '$')
            {
                searchFrom = found + token.Length;
                return Source.RangeOf(found, found + token.Length);
            }

            at = found + 1;
        }

        return Range;
    }

    private SourceRange LocateMalformedPlaceholder()
    {
        var text = Source.Text;
        var end = Math.Min(Range.End.Offset, text.Length);
        for (var i = Range.Start.Offset; i + 1 < end; i++)
        {
            if (text[i] != '$' || text[i + 1] != '{' || (i > 0 && text[i - 1] == '$'))
            {
                continue;
            }

            var close = text.IndexOf('}', i + 2, end - i - 2);
            if (close < 0 || !DotEnvFile.IsValidName(text[(i + 2)..close]))
            {
                return Source.RangeOf(i, close < 0 ? end : close + 1);
            }
        }

        return Range;
    }
}
