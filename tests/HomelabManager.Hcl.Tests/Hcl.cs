using System.Text.Json;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Syntax;
using HomelabManager.Hcl.Tests.Conformance;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests;

/// <summary>Small helpers shared by the unit tests.</summary>
internal static class Hcl
{
    public static HclParseResult Parse(string text) => HclParser.ParseFile(new SourceText("test.hcl", text));

    public static HclParseResult ParseValid(string text)
    {
        var result = Parse(text);
        Assert.True(!result.HasErrors, string.Join('\n', result.Diagnostics));
        return result;
    }

    public static ExpressionSyntax Expression(string expression) => ParseValid("a = " + expression + "\n").Body.Attributes[0].Expression;

    /// <summary>Asserts that <paramref name="text"/> converts to JSON semantically equal to <paramref name="expectedJson"/>.</summary>
    public static void AssertJson(string text, string expectedJson)
    {
        var parsed = ParseValid(text);
        var converted = HclJson.Convert(parsed.Body, parsed.Source);
        Assert.Empty(converted.Diagnostics);
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(converted.Json);
        var difference = JsonSemanticComparer.FindDifference(expected.RootElement, actual.RootElement);
        Assert.True(difference is null, difference + "\n" + converted.Json);
    }

    public static string FirstError(string text)
    {
        var result = Parse(text);
        var first = result.Diagnostics.First(d => d.IsError);
        return $"{first.Range.Start.Line}:{first.Range.Start.Column} {first.Summary}";
    }
}
