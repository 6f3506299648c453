namespace HomelabManager.Commands.Doctor;

/// <summary>The <c>status</c> values of a <see cref="DoctorCheck"/>.</summary>
internal static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    /// <summary>Not run because a check it depends on failed (e.g. the API is unreachable).</summary>
    public const string Skip = "skip";
}

/// <summary>One doctor check: what was checked, what was found and, when it failed, how to fix it.</summary>
/// <param name="Component"><c>Nomad</c>, <c>Consul</c>, <c>Vault</c>, or a provider such as <c>dns cloudflare</c>.</param>
/// <param name="Check">What is checked, e.g. <c>version ≥ 1.10</c>.</param>
/// <param name="Status"><see cref="CheckStatus"/>.</param>
/// <param name="Detail">What was found.</param>
/// <param name="Hint">How to fix a failure; null when passed.</param>
internal sealed record DoctorCheck(string Component, string Check, string Status, string Detail, string? Hint)
{
    public static DoctorCheck Passed(string component, string check, string detail) => new(component, check, CheckStatus.Pass, detail, null);

    public static DoctorCheck Failed(string component, string check, string detail, string hint) => new(component, check, CheckStatus.Fail, detail, hint);

    public static DoctorCheck Skipped(string component, string check, string reason) => new(component, check, CheckStatus.Skip, reason, null);
}

/// <summary>The <c>doctor --output json</c> document.</summary>
/// <param name="Healthy">True when no check failed.</param>
/// <param name="Checks">Every check, Nomad then Consul then Vault, then the providers.</param>
internal sealed record DoctorReport(bool Healthy, IReadOnlyList<DoctorCheck> Checks);
