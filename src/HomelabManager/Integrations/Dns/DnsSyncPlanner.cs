namespace HomelabManager.Integrations.Dns;

/// <summary>
/// Compares wanted records with a zone: creates what is missing, updates owned records that differ, deletes owned
/// records under the homelab domain that nothing wants, and reports (never touches) records it does not own that
/// stand where a wanted record would go.
/// </summary>
internal static class DnsSyncPlanner
{
    private static readonly string[] AddressTypes = ["A", "AAAA", "CNAME"];

    /// <summary>The steps from <paramref name="existing"/> to <paramref name="wanted"/>.</summary>
    /// <param name="wanted">Validated wanted records (one per name; later duplicates are ignored).</param>
    /// <param name="existing">The zone's A/AAAA/CNAME records.</param>
    /// <param name="domain"><c>homelab.domain</c>: owned records are deleted only below it.</param>
    /// <param name="compareProxied">True for Cloudflare (the proxy flag is part of the record).</param>
    public static IReadOnlyList<DnsSyncStep> Plan(IEnumerable<DnsRecord> wanted, IReadOnlyList<DnsZoneRecord> existing, string domain, bool compareProxied)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(existing);
        var steps = new List<DnsSyncStep>();
        var wantedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in wanted.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (!wantedNames.Add(record.Name))
            {
                continue;
            }

            var atName = existing.Where(e => string.Equals(e.Name, record.Name, StringComparison.OrdinalIgnoreCase) && AddressTypes.Contains(e.Type)).ToList();
            if (atName.FirstOrDefault(e => !e.Owned) is { } foreign)
            {
                steps.Add(new DnsSyncStep(
                    new ExternalChange(ExternalChangeKind.Conflict, Resource(record.Type, record.Name),
                        $"{foreign.Type} {Describe(foreign, compareProxied)} exists and is not managed by homelab-manager; left unchanged"),
                    record,
                    foreign));
                continue;
            }

            var owned = atName.FirstOrDefault();
            if (owned is null)
            {
                steps.Add(new DnsSyncStep(new ExternalChange(ExternalChangeKind.Create, Resource(record.Type, record.Name), "→ " + Describe(record, compareProxied)), record, null));
            }
            else if (!Same(owned, record, compareProxied))
            {
                steps.Add(new DnsSyncStep(
                    new ExternalChange(ExternalChangeKind.Update, Resource(record.Type, record.Name), $"{owned.Type} {Describe(owned, compareProxied)} → {record.Type} {Describe(record, compareProxied)}"),
                    record,
                    owned));
            }

            foreach (var extra in atName.Skip(1))
            {
                steps.Add(Delete(extra, compareProxied));
            }
        }

        foreach (var stale in existing.Where(e => e.Owned && !wantedNames.Contains(e.Name) && DnsRecordNames.IsIn(e.Name, domain)).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            steps.Add(Delete(stale, compareProxied));
        }

        return steps;
    }

    private static DnsSyncStep Delete(DnsZoneRecord record, bool compareProxied) =>
        new(new ExternalChange(ExternalChangeKind.Delete, Resource(record.Type, record.Name), "was → " + Describe(record, compareProxied)), null, record);

    private static string Resource(string type, string name) => $"DNS {type} {DnsRecordNames.Printable(name)}";

    private static bool Same(DnsZoneRecord existing, DnsRecord wanted, bool compareProxied) =>
        existing.Type == wanted.Type
        && string.Equals(existing.Target.TrimEnd('.'), wanted.Target.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
        && (!compareProxied || existing.Proxied == wanted.Proxied);

    private static string Describe(DnsRecord record, bool proxied) =>
        DnsRecordNames.Printable(record.Target) + (proxied && record.Proxied ? " (proxied)" : string.Empty);

    private static string Describe(DnsZoneRecord record, bool proxied) =>
        DnsRecordNames.Printable(record.Target) + (proxied && record.Proxied ? " (proxied)" : string.Empty);
}
