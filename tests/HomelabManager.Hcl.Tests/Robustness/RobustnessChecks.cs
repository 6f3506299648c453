using System.Reflection;
using System.Text.Json;
using HomelabManager.Hcl.Evaluation;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Robustness;

/// <summary>Parses, converts and evaluates an input under a time bound and checks the invariants that must hold for any input.</summary>
internal static class RobustnessChecks
{
    public static void ParseConvertEvaluate(string text, TimeSpan limit)
    {
        var work = Task.Run(() => Check(text));
        if (!work.Wait(limit))
        {
            throw new TimeoutException($"parsing did not finish within {limit.TotalSeconds} s (input of {text.Length} chars starting {Preview(text)})");
        }
    }

    public static string Preview(string text) => JsonSerializer.Serialize(text.Length > 120 ? text[..120] : text);

    private static void Check(string text)
    {
        var source = new SourceText("fuzz.hcl", text);
        var parsed = HclParser.ParseFile(source);
        foreach (var diagnostic in parsed.Diagnostics)
        {
            AssertInside(diagnostic.Range, text.Length, diagnostic.ToString());
        }

        CheckBody(parsed.Body, text.Length, 0);
        CheckPositions(parsed, source);
        var converted = HclJson.Convert(parsed.Body, source);
        using (JsonDocument.Parse(converted.Json, new JsonDocumentOptions { MaxDepth = 100_000 }))
        {
        }

        foreach (var diagnostic in converted.Diagnostics)
        {
            AssertInside(diagnostic.Range, text.Length, diagnostic.ToString());
        }

        foreach (var attribute in parsed.Body.Attributes)
        {
            var result = HclEvaluator.Evaluate(attribute.Expression, null, "fuzz.hcl");
            foreach (var diagnostic in result.Diagnostics)
            {
                AssertInside(diagnostic.Range, text.Length, diagnostic.ToString());
            }
        }
    }

    private static void CheckBody(Body body, int length, int depth)
    {
        AssertInside(body.Range, length, "body");
        foreach (var item in body.Items)
        {
            AssertInside(item.Range, length, "item");
            if (item is AttributeSyntax attribute)
            {
                AssertInside(attribute.Expression.Range, length, "expression of " + attribute.Name);
            }
            else if (item is BlockSyntax block && depth < 1000)
            {
                CheckBody(block.Body, length, depth + 1);
            }
        }
    }

    /// <summary>
    /// Every range in the tree and in the diagnostics has exactly the line and column that
    /// <see cref="SourceText.PositionAt(int)"/> gives for its offsets (the parser computes them without it).
    /// </summary>
    public static void CheckPositions(HclParseResult parsed, SourceText source)
    {
        foreach (var diagnostic in parsed.Diagnostics)
        {
            AssertPositions(diagnostic.Range, source, diagnostic.ToString());
        }

        var pending = new Stack<object>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        pending.Push(parsed.Body);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (!seen.Add(item))
            {
                continue; // a body lists its items twice (Items, and Attributes or Blocks)
            }
            foreach (var property in item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                var value = property.GetValue(item);
                switch (value)
                {
                    case SourceRange range:
                        AssertPositions(range, source, $"{item.GetType().Name}.{property.Name}");
                        break;
                    case SyntaxNode or ObjectItem or BlockLabel:
                        pending.Push(value);
                        break;
                    case System.Collections.IEnumerable list and not string:
                        foreach (var element in list)
                        {
                            if (element is SyntaxNode or ObjectItem or BlockLabel)
                            {
                                pending.Push(element);
                            }
                        }

                        break;
                }
            }
        }
    }

    private static void AssertPositions(SourceRange range, SourceText source, string what)
    {
        Assert.True(range.Start == source.PositionAt(range.Start.Offset) && range.End == source.PositionAt(range.End.Offset),
            $"range {range} at offsets {range.Start.Offset}..{range.End.Offset} should be {source.PositionAt(range.Start.Offset)}-{source.PositionAt(range.End.Offset)}: {what}");
    }

    private static void AssertInside(SourceRange range, int length, string what)
    {
        Assert.True(range.Start.Offset >= 0 && range.Start.Offset <= range.End.Offset && range.End.Offset <= length,
            $"range {range.Start.Offset}..{range.End.Offset} outside 0..{length}: {what}");
        Assert.True(range.Start.Line >= 1 && range.Start.Column >= 1 && range.End.Line >= range.Start.Line, $"bad position {range}: {what}");
    }
}
