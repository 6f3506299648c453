namespace HomelabManager.Hcl.Tests.Differential;

/// <summary>
/// The one place that lists where our parser and HashiCorp's (through @cdktf/hcl2json) may legitimately disagree,
/// each with its reason and a predicate narrow enough to match only that situation.
/// </summary>
internal static class KnownDivergences
{
    /// <summary>The reason this disagreement is expected, or null when it is a finding.</summary>
    public static string? Explain(string input, ReferenceVerdict reference, OurVerdict ours)
    {
        _ = input;
        _ = reference;
        _ = ours;
        return null;
    }
}
