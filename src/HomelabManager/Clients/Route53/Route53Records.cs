namespace HomelabManager.Clients.Route53;

/// <summary>A resource record set (simple routing only; others are kept as read so they are never mistaken for ours).</summary>
/// <param name="Name">Fully qualified; as returned by the API (trailing dot, lower case, <c>\052</c> for <c>*</c>).</param>
/// <param name="Type"><c>A</c>, <c>CNAME</c>, <c>TXT</c>, …</param>
/// <param name="Ttl">Seconds; null for alias records.</param>
/// <param name="Values">The <c>ResourceRecord/Value</c>s (TXT values quoted).</param>
internal sealed record Route53RecordSet(string Name, string Type, long? Ttl, IReadOnlyList<string> Values)
{
    /// <summary>Set for routing-policy sets (weighted, latency, …).</summary>
    public string? SetIdentifier { get; init; }

    /// <summary>True for alias records (<c>AliasTarget</c>).</summary>
    public bool IsAlias { get; init; }

    /// <summary>The name without trailing dot, lower case.</summary>
    public string Fqdn => Name.TrimEnd('.').ToLowerInvariant();
}

/// <summary>The action of one change.</summary>
internal enum Route53Action
{
    /// <summary>Fails when the set exists.</summary>
    Create,

    /// <summary>Must match the existing set exactly.</summary>
    Delete,

    /// <summary>Create or replace.</summary>
    Upsert,
}

/// <summary>One change of a ChangeResourceRecordSets batch.</summary>
internal sealed record Route53Change(Route53Action Action, Route53RecordSet RecordSet);

/// <summary>The answer to a change: its id and status (<c>PENDING</c> or <c>INSYNC</c>).</summary>
internal sealed record Route53ChangeInfo(string Id, string Status);
