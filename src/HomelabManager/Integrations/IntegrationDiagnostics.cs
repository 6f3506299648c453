using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Schema;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Integrations;

/// <summary>Diagnostics of the integration layer, one factory per stable code (HLM4xx). Never contains a value.</summary>
internal static class IntegrationDiagnostics
{
    /// <summary>HLM400: no provider of that name in the category.</summary>
    public static Diagnostic UnknownProvider(string path, SourceRange range, IntegrationCategory category, string name, IEnumerable<string> known)
    {
        var knownList = known.ToList();
        var key = IntegrationCategories.KeyOf(category);
        var suggestion = Suggestions.ClosestMatch(name, knownList);
        var detail = suggestion is not null
            ? $"Did you mean \"{suggestion}\"?"
            : knownList.Count == 0
                ? $"This version has no {key} providers yet; remove the {key} section."
                : $"Providers for \"{key}\": {string.Join(", ", knownList.Select(k => "\"" + k + "\""))}.";
        return Diagnostic.Error("HLM400", $"Unknown {key} provider \"{name}\"", detail, path, range);
    }

    /// <summary>HLM401: a secret written literally where a job needs a <c>vault:</c> reference.</summary>
    public static Diagnostic VaultReferenceRequired(string path, SourceRange range, string key) => Diagnostic.Error(
        "HLM401", $"\"{key}\" must be a vault: reference",
        "A job reads this secret from Vault at run time, so homelab.yaml holds only where it is: write vault:PATH#KEY, " +
        "e.g. vault:secret/authelia#" + key + ", and store the value with \"homelab-manager secrets set\".",
        path, range);

    /// <summary>HLM402: a secret written literally in homelab.yaml (allowed, discouraged).</summary>
    public static Diagnostic LiteralSecret(string path, SourceRange range, string key) => Diagnostic.Warning(
        "HLM402", $"\"{key}\" is a secret written in homelab.yaml",
        "Use ${VAR} (filled from the environment or .env) or a vault:PATH#KEY reference instead.", path, range);

    /// <summary>HLM403: a provider could not produce its part of the deployment.</summary>
    public static Diagnostic ContributionFailed(string path, SourceRange range, string provider, string reason) => Diagnostic.Error(
        "HLM403", $"Provider \"{provider}\" cannot build its jobs", reason, path, range);

    /// <summary>HLM404: a service asks for auth but no auth provider is configured.</summary>
    public static Diagnostic AuthWithoutProvider(string servicePath, string service) => Diagnostic.Error(
        "HLM404", $"Service \"{service}\" sets auth = true, but no auth provider is configured",
        "Add an \"auth:\" section to homelab.yaml (provider authelia or keycloak), or remove auth = true.",
        servicePath, SourceRange.At(SourcePosition.Start));

    /// <summary>HLM405: the reverse proxy cannot protect services with this auth provider.</summary>
    public static Diagnostic NoForwardAuth(string path, SourceRange range, string provider) => Diagnostic.Error(
        "HLM405", $"Auth provider \"{provider}\" offers no forward-auth middleware",
        "Services with auth = true need an auth provider the reverse proxy can ask (authelia or keycloak).", path, range);
}
