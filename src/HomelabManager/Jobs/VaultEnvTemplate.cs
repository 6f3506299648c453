using System.Text;
using System.Text.RegularExpressions;
using HomelabManager.Definitions;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>
/// Builds the one <c>template</c> block that turns a task's <c>vault:</c> env values into an env file
/// (<c>secrets/vault.env</c>, <c>Envvars</c> on) read from Vault at run time.
/// </summary>
/// <remarks>
/// Each value is written as <c>NAME="…"</c> with exactly the escapes go-envparse understands
/// (<c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\t</c>). consul-template's <c>toJSON</c> is not used: it HTML-escapes
/// <c>&lt; &gt; &amp;</c> to <c>\u003c</c>…, which go-envparse rejects. A missing key or a non-string value
/// makes <c>replaceAll</c> fail, so the task does not start with a wrong value. Paths and keys are emitted as
/// fully escaped Go string literals, so a hostile path or key cannot break out of the template action.
/// </remarks>
internal static partial class VaultEnvTemplate
{
    /// <summary>Destination inside the task directory (only the task can read <c>secrets/</c>).</summary>
    public const string DestPath = "secrets/vault.env";

    private const string EnvParseEscapes =
        """ | replaceAll "\\" "\\\\" | replaceAll "\"" "\\\"" | replaceAll "\n" "\\n" | replaceAll "\t" "\\t" """;

    /// <summary>The template for the Vault-backed variables of <paramref name="env"/>, or null when there are none.</summary>
    public static NomadTemplate? Create(IEnumerable<EnvVariable> env, VaultSecretOptions options)
    {
        var text = Render(env, options);
        return text is null
            ? null
            : new NomadTemplate
            {
                DestPath = DestPath,
                EmbeddedTmpl = text,
                ChangeMode = "restart",
                Perms = "0600",
                Envvars = true,
            };
    }

    /// <summary>The consul-template text, one <c>with secret</c> block per secret path (paths and names sorted).</summary>
    public static string? Render(IEnumerable<EnvVariable> env, VaultSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(options);
        var bySecret = env
            .Select(e => (e.Name, Reference: (e.Value as VaultEnvValue)?.Reference))
            .Where(e => e.Reference is not null)
            .GroupBy(e => e.Reference!.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (bySecret.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var secret in bySecret)
        {
            var first = secret.First().Reference!;
            var version = options.KvVersionOf(first.Mount);
            var readPath = version == VaultKvVersion.V2
                ? $"{first.Mount}/data/{first.PathInMount}"
                : first.Path;
            var values = version == VaultKvVersion.V2 ? ".Data.data" : ".Data";

            text.Append("{{ with secret ").Append(GoTemplateText.StringLiteral(readPath)).Append(" -}}\n");
            foreach (var (name, reference) in secret.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (!EnvName().IsMatch(name))
                {
                    throw new InvalidOperationException(
                        $"env variable name '{name}' cannot be written to an env file ([A-Za-z_][A-Za-z0-9_]* only)");
                }

                text.Append(name).Append("=\"{{ index ").Append(values).Append(' ')
                    .Append(GoTemplateText.StringLiteral(reference!.Key))
                    .Append(EnvParseEscapes).Append("}}\"\n");
            }

            text.Append("{{ end -}}\n");
        }

        return text.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
