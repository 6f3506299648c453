using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>Our parser's verdict on one input: the JSON form when accepted, otherwise the first error.</summary>
internal sealed record OurVerdict(bool Accepted, string? Json, Diagnostic? FirstError)
{
    /// <summary>Parses and converts <paramref name="text"/> as <c>HclJson</c> does for <c>hcl json FILE</c>.</summary>
    public static OurVerdict Of(string name, string text)
    {
        var source = new SourceText(name, text);
        var parsed = HclParser.ParseFile(source);
        var converted = HclJson.Convert(parsed.Body, source);
        var first = parsed.Diagnostics.Concat(converted.Diagnostics).FirstOrDefault(d => d.IsError);
        return first is null ? new OurVerdict(true, converted.Json, null) : new OurVerdict(false, null, first);
    }

    /// <inheritdoc />
    public override string ToString() => Accepted ? "accepted: " + Json : "rejected: " + FirstError;
}
