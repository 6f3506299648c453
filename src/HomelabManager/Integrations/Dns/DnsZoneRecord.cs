namespace HomelabManager.Integrations.Dns;

/// <summary>A record found in the zone, as the sync planner sees it.</summary>
/// <param name="Name">Fully qualified, lower case, no trailing dot.</param>
/// <param name="Type"><c>A</c>, <c>AAAA</c> or <c>CNAME</c>.</param>
/// <param name="Target">Address or host name (no trailing dot).</param>
/// <param name="Proxied">Cloudflare's proxy flag (false elsewhere).</param>
/// <param name="Owned">True when the record carries homelab-manager's ownership mark.</param>
/// <param name="Native">The provider's own record (id, TTL, exact values for a delete).</param>
internal sealed record DnsZoneRecord(string Name, string Type, string Target, bool Proxied, bool Owned, object? Native = null);

/// <summary>One step of a DNS sync: a change to make, or a conflict to report.</summary>
/// <param name="Change">What <c>plan</c> shows.</param>
/// <param name="Wanted">The record wanted (create, update, conflict).</param>
/// <param name="Existing">The record found (update, delete, conflict).</param>
internal sealed record DnsSyncStep(ExternalChange Change, DnsRecord? Wanted, DnsZoneRecord? Existing);
