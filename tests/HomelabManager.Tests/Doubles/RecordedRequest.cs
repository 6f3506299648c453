namespace HomelabManager.Tests.Doubles;

/// <summary>One request a double received. Token headers are stored as <c>&lt;redacted&gt;</c>.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without query.</param>
/// <param name="Query">Query string including <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers (names as sent); tokens masked.</param>
/// <param name="Body">Request body as UTF-8 text.</param>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A header value or null (case-insensitive name).</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override string ToString() => $"{Method} {Path}{Query}";
}
