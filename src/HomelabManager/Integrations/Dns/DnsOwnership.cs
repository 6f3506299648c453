namespace HomelabManager.Integrations.Dns;

/// <summary>How records the tool creates are marked, so it never changes or deletes anyone else's.</summary>
internal static class DnsOwnership
{
    /// <summary>Cloudflare: the record's <c>comment</c>.</summary>
    public const string CloudflareComment = "managed-by=homelab-manager";

    /// <summary>Route 53: the value of the companion TXT record (quoted, as TXT values are).</summary>
    public const string Route53MarkerValue = "\"heritage=homelab-manager\"";

    /// <summary>
    /// Route 53: the companion TXT record lives at <c>_homelab-manager.&lt;name&gt;</c>, not at the name itself,
    /// because a CNAME may not share its name with any other record.
    /// </summary>
    public const string Route53MarkerLabel = "_homelab-manager";

    /// <summary>The marker name of <paramref name="name"/>.</summary>
    public static string Route53MarkerName(string name) => $"{Route53MarkerLabel}.{name}";
}
