using HomelabManager.Clients.Cloudflare;

namespace HomelabManager.Integrations.Dns.Cloudflare;

/// <summary>
/// Syncs records into a Cloudflare zone. Ownership: the record's <c>comment</c> is
/// <see cref="DnsOwnership.CloudflareComment"/>; records without it are never changed or deleted.
/// </summary>
internal sealed class CloudflareDnsActions(CloudflareClient client, string zone, string domain) : DnsSyncActions(zone, domain, compareProxied: true)
{
    private string? _zoneId;

    protected override async Task<IReadOnlyList<DnsZoneRecord>> ReadZoneAsync(CancellationToken cancellationToken)
    {
        var records = await client.ListDnsRecordsAsync(await ZoneIdAsync(cancellationToken), cancellationToken: cancellationToken);
        return [.. records
            .Where(r => r.Type is "A" or "AAAA" or "CNAME")
            .Select(r => new DnsZoneRecord(r.Name.ToLowerInvariant(), r.Type, r.Content, r.Proxied, r.Comment == DnsOwnership.CloudflareComment, r))];
    }

    protected override async Task ApplyStepAsync(DnsSyncStep step, CancellationToken cancellationToken)
    {
        var zoneId = await ZoneIdAsync(cancellationToken);
        switch (step.Change.Kind)
        {
            case ExternalChangeKind.Create:
                var wanted = step.Wanted!;
                await client.CreateDnsRecordAsync(zoneId, new CloudflareDnsRecordRequest
                {
                    Type = wanted.Type, Name = wanted.Name, Content = wanted.Target, Ttl = 1, Proxied = wanted.Proxied, Comment = DnsOwnership.CloudflareComment,
                }, cancellationToken);
                break;
            case ExternalChangeKind.Update:
                await client.UpdateDnsRecordAsync(zoneId, Id(step.Existing!), new CloudflareDnsRecordRequest
                {
                    Type = step.Wanted!.Type, Content = step.Wanted.Target, Proxied = step.Wanted.Proxied,
                }, cancellationToken);
                break;
            case ExternalChangeKind.Delete:
                await client.DeleteDnsRecordAsync(zoneId, Id(step.Existing!), cancellationToken);
                break;
        }
    }

    private static string Id(DnsZoneRecord record) => ((CloudflareDnsRecord)record.Native!).Id;

    private async Task<string> ZoneIdAsync(CancellationToken cancellationToken) =>
        _zoneId ??= (await client.FindZoneAsync(Zone, cancellationToken))?.Id
            ?? throw new InvalidOperationException($"Cloudflare has no zone \"{Zone}\" that this API token can see.");
}
