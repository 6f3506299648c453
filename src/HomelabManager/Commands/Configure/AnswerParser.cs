using System.Text;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Integrations;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// Reads <c>KEY=VALUE</c> answers: the <c>--set</c> arguments (one each) or an answers file (one a line; blank lines
/// and lines starting with <c>#</c> are skipped). The value is everything after the first <c>=</c>, taken literally
/// (no quotes, no escapes); an empty value unsets an optional key.
/// </summary>
/// <remarks>
/// Diagnostics point into a copy of the input in which provider option values are masked unless the option is known
/// and no provider of the category takes a secret by that name, so a mistyped secret is never printed back. Register <see cref="AnswerSet.Display"/> with the diagnostic printer.
/// </remarks>
internal static class AnswerParser
{
    private const string Mask = "****";

    /// <summary>Parses the <c>--set</c> arguments; their diagnostics name <c>--set</c> with one line per argument.</summary>
    public static AnswerSet ParseArguments(IReadOnlyList<string> arguments, IntegrationRegistry registry, DiagnosticBag diagnostics) =>
        Parse("--set", arguments, skipComments: false, registry, diagnostics);

    /// <summary>Parses an answers file's text.</summary>
    public static AnswerSet ParseFile(string displayPath, string text, IntegrationRegistry registry, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        return Parse(displayPath, lines, skipComments: true, registry, diagnostics);
    }

    private static AnswerSet Parse(string path, IReadOnlyList<string> lines, bool skipComments, IntegrationRegistry registry, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var display = new StringBuilder();
        var pending = new List<(int Line, int KeyStart, int KeyEnd, int ValueStart, int ValueEnd, string Key, string Value, bool Malformed)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineStart = display.Length;
            var trimmed = line.TrimStart();
            if (skipComments && (trimmed.Length == 0 || trimmed.StartsWith('#')))
            {
                display.Append(line).Append('\n');
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                var shown = line.Contains(".config.", StringComparison.Ordinal) ? Mask : line;
                display.Append(shown).Append('\n');
                pending.Add((i, lineStart, lineStart + shown.Length, lineStart, lineStart + shown.Length, string.Empty, string.Empty, true));
                continue;
            }

            var key = line[..equals].Trim();
            var value = line[(equals + 1)..];
            var masked = value.Length > 0 && !IsShowable(key, registry);
            var shownValue = masked ? Mask : value;
            var keyOffset = line.IndexOf(key, StringComparison.Ordinal);
            display.Append(line.AsSpan(0, equals + 1)).Append(shownValue).Append('\n');
            pending.Add((i, lineStart + Math.Max(keyOffset, 0), lineStart + Math.Max(keyOffset, 0) + key.Length,
                lineStart + equals + 1, lineStart + equals + 1 + shownValue.Length, key, value, false));
        }

        var source = new SourceText(path, display.ToString());
        var answers = new List<ConfigureAnswer>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in pending)
        {
            var keyRange = new SourceRange(source.PositionAt(item.KeyStart), source.PositionAt(item.KeyEnd));
            var valueRange = new SourceRange(source.PositionAt(item.ValueStart), source.PositionAt(item.ValueEnd));
            if (item.Malformed)
            {
                diagnostics.Add(ConfigureDiagnostics.MalformedAnswer(path, keyRange));
                continue;
            }

            if (ConfigureKey.Parse(item.Key) is not { } key)
            {
                diagnostics.Add(ConfigureDiagnostics.UnknownKey(path, keyRange, item.Key, ConfigureKey.Examples));
                continue;
            }

            if (!seen.Add(key.Text))
            {
                diagnostics.Add(ConfigureDiagnostics.DuplicateAnswer(path, keyRange, key.Text));
                answers.RemoveAll(a => a.Key == key);
            }

            answers.Add(new ConfigureAnswer(key, item.Value, path, keyRange, valueRange));
        }

        return new AnswerSet(answers, source);
    }

    /// <summary>True for homelab and provider keys, and options that no provider of the category takes as a secret.</summary>
    private static bool IsShowable(string key, IntegrationRegistry registry)
    {
        if (ConfigureKey.Parse(key) is not { } parsed)
        {
            return !key.Contains(".config.", StringComparison.Ordinal);
        }

        if (parsed.Kind != ConfigureKeyKind.Option)
        {
            return true;
        }

        var options = registry.InCategory(parsed.Category).SelectMany(p => p.Options).Where(o => o.Name == parsed.Option).ToList();
        return options.Count > 0 && options.All(o => o.Kind != OptionKind.Secret);
    }
}

/// <summary>Answers read from one input, and the (masked) text their diagnostics point into.</summary>
internal sealed record AnswerSet(IReadOnlyList<ConfigureAnswer> Answers, SourceText Display);
