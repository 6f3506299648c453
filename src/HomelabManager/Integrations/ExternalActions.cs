namespace HomelabManager.Integrations;

/// <summary>The kind of an external change.</summary>
internal enum ExternalChangeKind
{
    /// <summary>Something is created.</summary>
    Create,

    /// <summary>Something existing is changed.</summary>
    Update,

    /// <summary>Something the tool owns is deleted.</summary>
    Delete,

    /// <summary>Something the tool does not own is in the way: reported, never changed (apply skips it).</summary>
    Conflict,
}

/// <summary>One change outside Nomad (a DNS record, a tunnel route), as shown by <c>plan</c> and done by <c>deploy</c>.</summary>
/// <param name="Kind">Create, update or delete.</param>
/// <param name="Resource">What it is about, e.g. <c>DNS CNAME cloud.lab.example.com</c>.</param>
/// <param name="Detail">A one-line description without secrets, e.g. <c>→ tunnel.cfargotunnel.com (proxied)</c>.</param>
internal sealed record ExternalChange(ExternalChangeKind Kind, string Resource, string Detail);

/// <summary>
/// Idempotent actions of a provider outside Nomad: <see cref="PlanAsync"/> compares wanted with actual state and
/// changes nothing; <see cref="ApplyAsync"/> makes exactly the planned changes. Applying a plan twice changes
/// nothing the second time. Implemented by the dns/vpn providers (later).
/// </summary>
internal interface IExternalActions
{
    /// <summary>The changes needed to reach <paramref name="wanted"/>.</summary>
    Task<IReadOnlyList<ExternalChange>> PlanAsync(ExternalActionRequest wanted, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="changes"/> (from <see cref="PlanAsync"/>); returns the ones that were made.</summary>
    Task<IReadOnlyList<ExternalChange>> ApplyAsync(ExternalActionRequest wanted, IReadOnlyList<ExternalChange> changes, CancellationToken cancellationToken);
}

/// <summary>What the deployment wants outside Nomad, gathered from every provider's contribution.</summary>
/// <param name="DnsRecords">Records wanted.</param>
/// <param name="TunnelIngress">Tunnel routes wanted.</param>
internal sealed record ExternalActionRequest(IReadOnlyList<DnsRecord> DnsRecords, IReadOnlyList<TunnelIngressRule> TunnelIngress);

/// <summary>Implemented by providers with external actions.</summary>
internal interface IExternalActionsProvider
{
    /// <summary>The actions for this configuration; <paramref name="http"/> is the shared client (base addresses come from config).</summary>
    IExternalActions CreateExternalActions(IntegrationContext context, HttpClient http);
}
