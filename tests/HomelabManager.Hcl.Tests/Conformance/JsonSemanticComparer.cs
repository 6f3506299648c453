using System.Text.Json;
using HomelabManager.Hcl.Evaluation;

namespace HomelabManager.Hcl.Tests.Conformance;

/// <summary>Compares JSON documents semantically: key order ignored, numbers as exact decimals, kinds strict.</summary>
internal static class JsonSemanticComparer
{
    /// <summary>Null when equal, otherwise the path and reason of the first difference.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} {Show(expected)}, got {actual.ValueKind} {Show(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var name in expectedNames.Order(StringComparer.Ordinal))
                {
                    if (!actualNames.Contains(name))
                    {
                        return $"{path}: missing key \"{name}\"";
                    }

                    var difference = FindDifference(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                var extra = actualNames.Except(expectedNames).Order(StringComparer.Ordinal).FirstOrDefault();
                return extra is null ? null : $"{path}: unexpected key \"{extra}\"";
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    return $"{path}: expected {expectedItems.Count} items, got {actualItems.Count}";
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    var difference = FindDifference(expectedItems[i], actualItems[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var a = HclNumber.Parse(expected.GetRawText());
                var b = HclNumber.Parse(actual.GetRawText());
                return a is not null && a.Equals(b) ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected {Show(expected)}, got {Show(actual)}";
            default:
                return null;
        }
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}
