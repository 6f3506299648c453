using HomelabManager.Clients.Route53;

namespace HomelabManager.Integrations.Dns.Route53;

/// <summary>
/// Syncs records into a Route 53 hosted zone. Ownership: a companion TXT record
/// <c>_homelab-manager.&lt;name&gt;</c> = <c>"heritage=homelab-manager"</c>, created and deleted in the same change batch
/// as the record; a record without it is never changed or deleted.
/// </summary>
internal sealed class Route53DnsActions(Route53Client client, string? hostedZoneId, string zone, string domain, long ttl) : DnsSyncActions(zone, domain, compareProxied: false)
{
    private string? _zoneId = hostedZoneId is null ? null : Route53Client.BareId(hostedZoneId);
    private Dictionary<string, Route53RecordSet> _markers = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<IReadOnlyList<DnsZoneRecord>> ReadZoneAsync(CancellationToken cancellationToken)
    {
        var sets = await client.ListResourceRecordSetsAsync(await ZoneIdAsync(cancellationToken), cancellationToken);
        _markers = sets
            .Where(s => s.Type == "TXT" && s.SetIdentifier is null && s.Values.Contains(DnsOwnership.Route53MarkerValue)
                && s.Fqdn.StartsWith(DnsOwnership.Route53MarkerLabel + ".", StringComparison.Ordinal))
            .ToDictionary(s => s.Fqdn[(DnsOwnership.Route53MarkerLabel.Length + 1)..], StringComparer.OrdinalIgnoreCase);
        return [.. sets
            .Where(s => s.Type is "A" or "AAAA" or "CNAME")
            .Select(s => new DnsZoneRecord(
                s.Fqdn,
                s.Type,
                s.IsAlias ? "(alias)" : string.Join(",", s.Values.Select(v => v.TrimEnd('.'))),
                false,
                !s.IsAlias && s.SetIdentifier is null && s.Values.Count == 1 && _markers.ContainsKey(s.Fqdn),
                s))];
    }

    protected override async Task ApplyStepAsync(DnsSyncStep step, CancellationToken cancellationToken)
    {
        var changes = new List<Route53Change>();
        switch (step.Change.Kind)
        {
            case ExternalChangeKind.Create:
                changes.Add(new(Route53Action.Create, SetOf(step.Wanted!)));
                changes.Add(new(Route53Action.Create, Marker(step.Wanted!.Name)));
                break;
            case ExternalChangeKind.Update:
                var old = (Route53RecordSet)step.Existing!.Native!;
                if (old.Type != step.Wanted!.Type)
                {
                    changes.Add(new(Route53Action.Delete, old));
                    changes.Add(new(Route53Action.Create, SetOf(step.Wanted)));
                }
                else
                {
                    changes.Add(new(Route53Action.Upsert, SetOf(step.Wanted)));
                }

                break;
            case ExternalChangeKind.Delete:
                changes.Add(new(Route53Action.Delete, (Route53RecordSet)step.Existing!.Native!));
                if (_markers.TryGetValue(step.Existing.Name, out var marker))
                {
                    changes.Add(new(Route53Action.Delete, marker));
                }

                break;
            default:
                return;
        }

        await client.ChangeResourceRecordSetsAsync(await ZoneIdAsync(cancellationToken), changes, "homelab-manager", cancellationToken);
    }

    private Route53RecordSet SetOf(DnsRecord record) => new(record.Name + ".", record.Type, ttl, [record.Target]);

    private Route53RecordSet Marker(string name) => new(DnsOwnership.Route53MarkerName(name) + ".", "TXT", ttl, [DnsOwnership.Route53MarkerValue]);

    private async Task<string> ZoneIdAsync(CancellationToken cancellationToken) =>
        _zoneId ??= await client.FindHostedZoneIdAsync(Zone, cancellationToken)
            ?? throw new InvalidOperationException($"Route 53 has no hosted zone \"{Zone}\" that these credentials can see.");
}
