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

    private static void AssertInside(SourceRange range, int length, string what)
    {
        Assert.True(range.Start.Offset >= 0 && range.Start.Offset <= range.End.Offset && range.End.Offset <= length,
            $"range {range.Start.Offset}..{range.End.Offset} outside 0..{length}: {what}");
        Assert.True(range.Start.Line >= 1 && range.Start.Column >= 1 && range.End.Line >= range.Start.Line, $"bad position {range}: {what}");
    }
}
