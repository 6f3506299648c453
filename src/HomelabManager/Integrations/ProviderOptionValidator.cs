using System.Globalization;
using System.Text.RegularExpressions;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Secrets;

namespace HomelabManager.Integrations;

/// <summary>
/// The checks every provider gets from its <see cref="ProviderOption"/> list: unknown keys (with "did you mean"),
/// missing required keys, values of the wrong kind, secrets written literally, and each option's own validator.
/// Values with <c>${VAR}</c> placeholders are checked only for shape: they are filled at use time.
/// </summary>
internal static partial class ProviderOptionValidator
{
    /// <summary>Runs the checks of <paramref name="options"/> over <paramref name="section"/>'s <c>config:</c>.</summary>
    public static void Validate(IntegrationSection section, IReadOnlyList<ProviderOption> options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var config = section.Config;
        config.ReportUnknownKeys(options.Select(o => o.Name).ToList(), diagnostics);
        foreach (var option in options)
        {
            var scalar = option.Required
                ? config.GetRequiredScalar(option.Name, option.Example ?? $"{option.Name}: <{option.Kind.ToString().ToLowerInvariant()}>", diagnostics)
                : config.GetScalar(option.Name, diagnostics);
            if (scalar is null || scalar.HasMalformedPlaceholder)
            {
                continue;
            }

            if (option.Kind == OptionKind.Secret)
            {
                CheckSecret(option, scalar, diagnostics);
                continue;
            }

            if (scalar.HasPlaceholders)
            {
                continue;
            }

            var problem = KindProblem(option, scalar.Text) ?? option.Validator?.Invoke(scalar.Text);
            if (problem is not null)
            {
                diagnostics.Add(ConfigurationDiagnostics.InvalidValue(scalar.Path, scalar.Range, scalar.KeyPath, problem));
            }
        }
    }

    /// <summary>Why <paramref name="text"/> is not a value of <paramref name="option"/>'s kind, or null.</summary>
    public static string? KindProblem(ProviderOption option, string text)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(text);
        return option.Kind switch
        {
            OptionKind.Int => long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? null
                : "Expected a whole number.",
            OptionKind.Bool => bool.TryParse(text.Trim(), out _) ? null : "Expected true or false.",
            OptionKind.Enum => option.AllowedValues.Contains(text, StringComparer.Ordinal)
                ? null
                : $"Expected one of {string.Join(", ", option.AllowedValues.Select(v => "\"" + v + "\""))}.",
            OptionKind.Hostname => DnsNames.DomainProblem(text),
            OptionKind.Email => Email().IsMatch(text) ? null : "Expected an e-mail address such as admin@example.com.",
            OptionKind.String => text.Any(char.IsControl) ? "Control characters (such as line breaks) are not allowed here." : null,
            _ => null,
        };
    }

    private static void CheckSecret(ProviderOption option, ConfigScalar scalar, DiagnosticBag diagnostics)
    {
        var isVault = VaultReference.HasPrefix(scalar.Text);
        if (isVault)
        {
            return; // a malformed reference was reported when the file was loaded
        }

        if (option.VaultOnly)
        {
            diagnostics.Add(IntegrationDiagnostics.VaultReferenceRequired(scalar.Path, scalar.Range, scalar.KeyPath));
        }
        else if (!scalar.HasPlaceholders)
        {
            diagnostics.Add(IntegrationDiagnostics.LiteralSecret(scalar.Path, scalar.Range, scalar.KeyPath));
        }
    }

    [GeneratedRegex(@"^[^@\s""'<>(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Email();
}
