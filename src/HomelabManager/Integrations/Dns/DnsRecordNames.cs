using System.Net;
using System.Net.Sockets;

namespace HomelabManager.Integrations.Dns;

/// <summary>Checks that a record is safe to send: a plain host name under the zone and a target of the record's type.</summary>
internal static class DnsRecordNames
{
    /// <summary>Why <paramref name="record"/> may not be synced into <paramref name="zone"/>, or null.</summary>
    public static string? Problem(DnsRecord record, string zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(zone);
        if (HostProblem(record.Name) is { } name)
        {
            return $"record name \"{Printable(record.Name)}\": {name}";
        }

        if (!IsIn(record.Name, zone))
        {
            return $"record name \"{record.Name}\" is not in zone {zone}";
        }

        return record.Type switch
        {
            "A" => IPAddress.TryParse(record.Target, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork && record.Target.Count(c => c == '.') == 3
                ? null : $"A record {record.Name}: \"{Printable(record.Target)}\" is not an IPv4 address",
            "AAAA" => IPAddress.TryParse(record.Target, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 && !record.Target.Contains('%', StringComparison.Ordinal)
                ? null : $"AAAA record {record.Name}: \"{Printable(record.Target)}\" is not an IPv6 address",
            "CNAME" => HostProblem(record.Target) is { } target ? $"CNAME record {record.Name}: target \"{Printable(record.Target)}\": {target}" : null,
            _ => $"record {record.Name}: type \"{Printable(record.Type)}\" is not synced (A, AAAA or CNAME)",
        };
    }

    /// <summary>Why <paramref name="name"/> is not a lower-case host name (labels of a-z, 0-9, '-', '_'), or null.</summary>
    public static string? HostProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 253)
        {
            return "expected 1 to 253 characters";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
            {
                return "expected lower-case labels of letters, digits, '-' and '_' (1 to 63 characters) separated by dots";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="zone"/> or below it.</summary>
    public static bool IsIn(string name, string zone) =>
        string.Equals(name, zone, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + zone, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text with control characters shown as <c>\uXXXX</c> (so a hostile name cannot forge output lines).</summary>
    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
