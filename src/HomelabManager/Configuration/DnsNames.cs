namespace HomelabManager.Configuration;

/// <summary>Checks for DNS names as used for the homelab's base domain.</summary>
public static class DnsNames
{
    /// <summary>
    /// Null when <paramref name="domain"/> is a valid DNS name (labels of a-z, 0-9 and '-', 1..63 characters, not starting
    /// or ending with '-', 253 characters at most; any case); otherwise a sentence saying what is wrong and how to fix it.
    /// </summary>
    public static string? DomainProblem(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        const string Shape = "Write a DNS name such as \"lab.example.com\": labels of letters, digits and '-' separated by dots.";
        if (domain.Length == 0)
        {
            return "The domain is empty. " + Shape;
        }

        if (domain.Contains("://", StringComparison.Ordinal))
        {
            return "Give only the domain, without a scheme such as \"https://\".";
        }

        if (domain.EndsWith('.'))
        {
            return "Remove the trailing dot.";
        }

        if (domain.Contains(':', StringComparison.Ordinal) || domain.Contains('/', StringComparison.Ordinal))
        {
            return "Give only the domain, without a port or path.";
        }

        if (domain.StartsWith("*.", StringComparison.Ordinal))
        {
            return "Give the base domain without a wildcard; services get <name>.<domain> automatically.";
        }

        if (domain.Length > 253)
        {
            return "A DNS name is at most 253 characters long.";
        }

        foreach (var label in domain.Split('.'))
        {
            if (label.Length is 0 or > 63
                || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return Shape;
            }
        }

        return null;
    }

    /// <summary>True for a valid DNS name (see <see cref="DomainProblem"/>).</summary>
    public static bool IsValidDomain(string domain) => DomainProblem(domain) is null;
}
