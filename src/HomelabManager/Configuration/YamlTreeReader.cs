using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HomelabManager.Configuration;

/// <summary>
/// Reads YAML text into a positioned <see cref="ConfigValue"/> tree with YamlDotNet's representation model
/// (no reflection). Never throws on bad input: syntax errors, excessive nesting and alias bombs become diagnostics.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deepest nesting accepted (the representation model recurses, so this guards the stack).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values one document may expand to, counting every alias use.</summary>
    public const int MaxValues = 100_000;

    /// <summary>Reads the first document; null when there is none or it cannot be read (diagnostics say why).</summary>
    public static ConfigValue? Read(SourceText source, DiagnosticBag diagnostics)
    {
        if (!CheckStructure(source, diagnostics))
        {
            return null;
        }

        var stream = new YamlStream();
        var parser = new Parser(new StringReader(source.Text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            diagnostics.Add(FromException(source, ex));
            return null;
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            diagnostics.Add(FromReaderFailure(source, parser.Current, ex));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var converter = new Converter(source, diagnostics);
        return converter.Convert(stream.Documents[0].RootNode, string.Empty, null, 0);
    }

    /// <summary>
    /// First pass over the parser's events (iterative, so any depth is safe): rejects too-deep nesting and extra documents,
    /// and turns syntax errors into diagnostics before the recursive representation model sees the text.
    /// </summary>
    private static bool CheckStructure(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(source.Text));
        var depth = 0;
        var documents = 0;
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
                {
                    anchors.Add(anchored.Anchor.Value);
                }

                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            diagnostics.Add(ConfigurationDiagnostics.TooComplex(source.Path, RangeOf(source, parser.Current!.Start, parser.Current.End),
                                $"Values are nested more than {MaxDepth} levels deep."));
                            return false;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case AnchorAlias alias when !anchors.Contains(alias.Value.Value):
                        diagnostics.Add(ConfigurationDiagnostics.YamlSyntax(source.Path, RangeOf(source, alias.Start, alias.End),
                            $"The alias \"*{alias.Value.Value}\" refers to no anchor; quote values that start with '*' (e.g. \"*.example.com\")."));
                        return false;
                    case DocumentStart start when ++documents > 1:
                        diagnostics.Add(ConfigurationDiagnostics.MultipleDocuments(source.Path, RangeOf(source, start.Start, start.End)));
                        return false;
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(FromException(source, ex));
            return false;
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            diagnostics.Add(FromReaderFailure(source, parser.Current, ex));
            return false;
        }

        return true;
    }

    private static Diagnostic FromException(SourceText source, YamlException ex)
    {
        var range = IndentationTabAt(source, ex) is { } tab
            ? new SourceRange(source.PositionAt(tab), source.PositionAt(tab + 1))
            : ProblemAt(ex) ? RangeOf(source, ex.End, ex.End) : RangeOf(source, ex.Start, ex.End);
        const string duplicatePrefix = "Duplicate key ";
        return ex.Message.StartsWith(duplicatePrefix, StringComparison.Ordinal)
            ? ConfigurationDiagnostics.DuplicateKey(source.Path, range, ex.Message[duplicatePrefix.Length..])
            : ConfigurationDiagnostics.YamlSyntax(source.Path, range, ex.Message);
    }

    /// <summary>
    /// True when a scanner error's end mark is the problem itself (a tab used as indentation, an unknown escape) and
    /// its start only the construct it was scanning; an unexpected end of the stream is shown where the construct began.
    /// </summary>
    private static bool ProblemAt(YamlException ex) =>
        ex.Message.StartsWith("While scanning", StringComparison.Ordinal)
        && !ex.Message.Contains("end of stream", StringComparison.Ordinal)
        && ex.End.Index > ex.Start.Index;

    /// <summary>
    /// For "found invalid tab as indentation", whose marks name the mapping being scanned: the offset of the first
    /// tab in the indentation of a line after that mapping's start, or null.
    /// </summary>
    private static int? IndentationTabAt(SourceText source, YamlException ex)
    {
        if (!ex.Message.Contains("tab as indentation", StringComparison.Ordinal))
        {
            return null;
        }

        var text = source.Text;
        for (var i = (int)Math.Clamp(ex.Start.Index, 0, text.Length); i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            for (var j = i + 1; j < text.Length && text[j] is ' ' or '\t'; j++)
            {
                if (text[j] == '\t')
                {
                    return j;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// YamlDotNet rejects some malformed input with an exception other than <see cref="YamlException"/> (found by
    /// fuzzing: a plain scalar cut off in a flow collection, a tag that is no URI, a stray token after "...", an
    /// unexpected event in the representation model). These are syntax errors too, never crashes.
    /// </summary>
    private static bool IsReaderFailure(Exception ex) => ex is InvalidOperationException or ArgumentException;

    private static Diagnostic FromReaderFailure(SourceText source, ParsingEvent? last, Exception ex)
    {
        // The exception carries no position: point after the last event that was read.
        // Only the first sentence of the message: the rest is a parameter name (a resource key in trimmed builds).
        var at = last is null ? Mark.Empty : last.End;
        var reason = ex.Message.Split('.', 2)[0].Trim();
        return ConfigurationDiagnostics.YamlSyntax(source.Path, RangeOf(source, at, at),
            $"The YAML cannot be read after this point ({reason}); check the quoting, tags (!) and brackets that follow.");
    }

    internal static SourceRange RangeOf(SourceText source, Mark start, Mark end)
    {
        // YamlDotNet may report marks past the end of the text (e.g. for "---"): clamp both ends into it.
        var from = (int)Math.Clamp(start.Index, 0, source.Text.Length);
        var to = (int)Math.Clamp(end.Index, from, source.Text.Length);
        return new SourceRange(source.PositionAt(from), source.PositionAt(to));
    }

    private sealed class Converter(SourceText source, DiagnosticBag diagnostics)
    {
        private int _values;
        private bool _reportedTooMany;

        public ConfigValue? Convert(YamlNode node, string keyPath, SourceRange? keyRange, int depth)
        {
            if (++_values > MaxValues || depth > MaxDepth)
            {
                if (!_reportedTooMany)
                {
                    _reportedTooMany = true;
                    diagnostics.Add(ConfigurationDiagnostics.TooComplex(source.Path, RangeOf(source, node.Start, node.End),
                        $"The document expands to more than {MaxValues} values (check anchors and aliases)."));
                }

                return null;
            }

            switch (node)
            {
                case YamlScalarNode scalar:
                    var value = new ConfigScalar(source, RangeOf(source, scalar.Start, scalar.End), keyPath, keyRange,
                        scalar.Value ?? string.Empty, scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any));
                    value.ReportSyntaxProblems(diagnostics);
                    return value;

                case YamlSequenceNode sequence:
                    var items = new List<ConfigValue>();
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        var item = Convert(sequence.Children[i], $"{keyPath}[{i}]", null, depth + 1);
                        if (item is null)
                        {
                            return null;
                        }

                        items.Add(item);
                    }

                    return new ConfigSequence(source, CollectionRange(sequence, items.Select(v => v.Range)), keyPath, keyRange, items);

                case YamlMappingNode mapping:
                    var entries = new List<ConfigEntry>();
                    foreach (var (keyNode, valueNode) in mapping.Children)
                    {
                        var entry = ConvertEntry(keyNode, valueNode, keyPath, depth);
                        if (entry is null)
                        {
                            if (_reportedTooMany)
                            {
                                return null;
                            }

                            continue;
                        }

                        entries.Add(entry);
                    }

                    return new ConfigMapping(source, CollectionRange(mapping, entries.Select(e => e.Value.Range)), keyPath, keyRange, entries);

                default:
                    // Aliases are resolved by the representation model; anything else is not YAML we understand.
                    diagnostics.Add(ConfigurationDiagnostics.YamlSyntax(source.Path, RangeOf(source, node.Start, node.End), "Unsupported YAML node."));
                    return null;
            }
        }

        private ConfigEntry? ConvertEntry(YamlNode keyNode, YamlNode valueNode, string parentPath, int depth)
        {
            var keyRange = RangeOf(source, keyNode.Start, keyNode.End);
            if (keyNode is not YamlScalarNode keyScalar)
            {
                diagnostics.Add(ConfigurationDiagnostics.WrongType(source.Path, keyRange, parentPath.Length == 0 ? "key" : parentPath + " key",
                    "a plain name as key", "a list or mapping"));
                return null;
            }

            var name = keyScalar.Value ?? string.Empty;
            var path = parentPath.Length == 0 ? name : $"{parentPath}.{name}";
            var key = new ConfigScalar(source, keyRange, path, null, name, keyScalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any));
            var value = Convert(valueNode, path, keyRange, depth + 1);
            return value is null ? null : new ConfigEntry(key, value);
        }

        /// <summary>The representation model leaves collections' end at their start; extend to the last child.</summary>
        private SourceRange CollectionRange(YamlNode node, IEnumerable<SourceRange> children)
        {
            var range = RangeOf(source, node.Start, node.End);
            foreach (var child in children)
            {
                range = range.Through(child);
            }

            return range;
        }
    }
}
