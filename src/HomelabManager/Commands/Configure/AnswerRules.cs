using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Secrets;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// The checks every answer goes through, prompted or given: the same rules as <c>validate</c> (the providers'
/// <see cref="ProviderOption"/>s: kind, allowed values, validator, vault-only), and stricter for secrets, which
/// configure writes only as <c>vault:PATH#KEY</c> or <c>${VAR}</c> references, never literally.
/// </summary>
internal static class AnswerRules
{
    /// <summary>The word meaning "no provider" at the provider question.</summary>
    public const string None = "none";

    /// <summary>Why <paramref name="value"/> is not acceptable for a homelab key, or null.</summary>
    public static string? HomelabProblem(ConfigureKeyKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var template = PlaceholderTemplate.Parse(value);
        if (template.IsMalformed)
        {
            return "Write ${NAME} with NAME made of letters, digits and '_'; write $${ for a literal \"${\".";
        }

        if (template.HasPlaceholders)
        {
            return null;
        }

        return kind switch
        {
            ConfigureKeyKind.Domain => DnsNames.DomainProblem(value),
            ConfigureKeyKind.Datacenters => Datacenters(value).Any(d => d.Length == 0 || d.Any(char.IsWhiteSpace))
                ? "Give Nomad datacenter names separated by commas, e.g. \"dc1, dc2\", or \"*\" for all."
                : null,
            ConfigureKeyKind.VaultKvMount => value.Trim('/').Length == 0 || value.Any(char.IsWhiteSpace)
                ? "Give the path of the KV secrets engine mount, e.g. \"secret\"."
                : null,
            ConfigureKeyKind.VaultKvVersion => value is "1" or "2" ? null : "The KV secrets engine version is 1 or 2.",
            ConfigureKeyKind.VaultRole => value.Length == 0 || value.Any(char.IsWhiteSpace) || value.Contains('/', StringComparison.Ordinal)
                ? "Give the name of a Vault JWT auth role, e.g. \"nomad-workloads\"."
                : null,
            _ => null,
        };
    }

    /// <summary>The datacenter names of a comma-separated answer.</summary>
    public static IReadOnlyList<string> Datacenters(string value) => [.. value.Split(',').Select(d => d.Trim())];

    /// <summary>Why <paramref name="value"/> is not acceptable for <paramref name="option"/>, or null. Empty means "unset".</summary>
    public static string? OptionProblem(ProviderOption option, string value)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return option.Required ? "This option is required." : null;
        }

        var template = PlaceholderTemplate.Parse(value);
        if (template.IsMalformed)
        {
            return "Write ${NAME} with NAME made of letters, digits and '_'; write $${ for a literal \"${\".";
        }

        if (option.Kind == OptionKind.Secret)
        {
            return SecretProblem(option, value, template.HasPlaceholders);
        }

        return template.HasPlaceholders ? null : ProviderOptionValidator.KindProblem(option, value) ?? option.Validator?.Invoke(value);
    }

    /// <summary>The reference offered for a new secret, e.g. <c>vault:secret/authelia#jwt_secret</c>.</summary>
    public static string SuggestedReference(string kvMount, string provider, ProviderOption option) =>
        $"{VaultReference.Prefix}{kvMount}/{provider}#{option.Name}";

    private static string? SecretProblem(ProviderOption option, string value, bool hasPlaceholders)
    {
        if (VaultReference.HasPrefix(value))
        {
            return VaultReference.TryParse(value, out _)
                ? null
                : "Write vault:PATH#KEY, for example vault:secret/cloudflare#api_token (PATH without the KV v2 \"data/\" segment).";
        }

        if (option.VaultOnly)
        {
            return "A job reads this secret from Vault at run time: write vault:PATH#KEY and store the value with \"homelab-manager secrets set\".";
        }

        return hasPlaceholders && value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}')
            ? null
            : "Secrets are never written into homelab.yaml: write ${VARIABLE} (from the environment or .env) or vault:PATH#KEY.";
    }
}
