namespace HomelabManager.Integrations;

/// <summary>The outcome of a <see cref="ProviderCheck"/>.</summary>
internal enum ProviderCheckStatus
{
    /// <summary>All is well.</summary>
    Pass,

    /// <summary>Something is wrong; <see cref="ProviderCheck.Hint"/> says how to fix it.</summary>
    Fail,

    /// <summary>Not run because a check it depends on failed.</summary>
    Skip,
}

/// <summary>One check a provider runs against its own API for <c>doctor</c>. Never contains a secret value.</summary>
/// <param name="Check">What is checked, e.g. <c>API token</c>.</param>
/// <param name="Status">Pass, fail or skip.</param>
/// <param name="Detail">What was found (for a failure, the server's message).</param>
/// <param name="Hint">How to fix a failure; null otherwise.</param>
internal sealed record ProviderCheck(string Check, ProviderCheckStatus Status, string Detail, string? Hint)
{
    public static ProviderCheck Passed(string check, string detail) => new(check, ProviderCheckStatus.Pass, detail, null);

    public static ProviderCheck Failed(string check, string detail, string hint) => new(check, ProviderCheckStatus.Fail, detail, hint);

    public static ProviderCheck Skipped(string check, string reason) => new(check, ProviderCheckStatus.Skip, reason, null);
}

/// <summary>
/// Implemented by providers that can check their external API for <c>doctor</c>: dns providers check their credentials
/// and zone; a vpn provider such as <c>cloudflare_tunnel</c> would check its tunnel here. <c>doctor</c> itself checks
/// that the <c>vault:</c> references of every provider's secret options exist, before calling this.
/// </summary>
internal interface IProviderChecks
{
    /// <summary>
    /// The provider's checks. <paramref name="context"/> comes from <see cref="IntegrationContext.ForExternalUseAsync"/>
    /// (secret options readable); <paramref name="http"/> is the shared client, as for external actions. API failures
    /// are results (failed checks with the server's message), not exceptions.
    /// </summary>
    Task<IReadOnlyList<ProviderCheck>> CheckAsync(IntegrationContext context, HttpClient http, CancellationToken cancellationToken);
}
