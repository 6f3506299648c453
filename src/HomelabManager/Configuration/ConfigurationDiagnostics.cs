using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Secrets;
using HomelabManager.Hcl.Schema;

namespace HomelabManager.Configuration;

/// <summary>
/// Every diagnostic about <c>homelab.yaml</c> and <c>.env</c>, one factory per stable code (HLM1xx).
/// No message ever contains a configuration or variable value: values may be secrets.
/// </summary>
public static class ConfigurationDiagnostics
{
    /// <summary>HLM100: the configuration file does not exist.</summary>
    public static Diagnostic FileNotFound(string path) => Diagnostic.Error(
        "HLM100", "Configuration file not found",
        "Create it with \"homelab-manager init\" or \"homelab-manager configure\", or point --dir at your homelab folder.",
        path, SourceRange.At(SourcePosition.Start));

    /// <summary>HLM101: the file exists but cannot be read or is far too large.</summary>
    public static Diagnostic FileUnreadable(string path, string reason) => Diagnostic.Error(
        "HLM101", "Cannot read file", reason, path, SourceRange.At(SourcePosition.Start));

    /// <summary>HLM102: YAML syntax error reported by the YAML parser.</summary>
    public static Diagnostic YamlSyntax(string path, SourceRange range, string parserMessage) => Diagnostic.Error(
        "HLM102", "Invalid YAML", parserMessage, path, range);

    /// <summary>HLM103: more than one YAML document in the file.</summary>
    public static Diagnostic MultipleDocuments(string path, SourceRange range) => Diagnostic.Error(
        "HLM103", "More than one YAML document",
        "homelab.yaml holds exactly one document; remove the \"---\" separator and everything after it.",
        path, range);

    /// <summary>HLM104: the document nests too deeply or expands to too many values (alias bombs).</summary>
    public static Diagnostic TooComplex(string path, SourceRange range, string detail) => Diagnostic.Error(
        "HLM104", "Document too complex", detail, path, range);

    /// <summary>HLM105: a key appears twice in one mapping.</summary>
    public static Diagnostic DuplicateKey(string path, SourceRange range, string key) => Diagnostic.Error(
        "HLM105", "Duplicate key",
        $"The key \"{key}\" is already defined in this mapping; keep only one.", path, range);

    /// <summary>HLM110: a key the schema does not know, with a "did you mean" suggestion when one is close.</summary>
    public static Diagnostic UnknownKey(string path, SourceRange range, string key, string where, IEnumerable<string> known)
    {
        var knownList = known.ToList();
        var suggestion = Suggestions.DidYouMean(key, knownList);
        var detail = suggestion.Length > 0
            ? suggestion
            : $"Known keys {where}: {string.Join(", ", knownList.Select(k => "\"" + k + "\""))}.";
        return Diagnostic.Error("HLM110", $"Unknown key \"{key}\" {where}", detail, path, range);
    }

    /// <summary>HLM111: a required key is missing.</summary>
    public static Diagnostic MissingKey(string path, SourceRange range, string key, string where, string example) => Diagnostic.Error(
        "HLM111", $"Missing required key \"{key}\" {where}", $"Add it, for example: {example}", path, range);

    /// <summary>HLM112: the value has the wrong YAML kind (scalar, mapping, list).</summary>
    public static Diagnostic WrongType(string path, SourceRange range, string key, string expected, string found) => Diagnostic.Error(
        "HLM112", $"Wrong type for \"{key}\"", $"Expected {expected}, found {found}.", path, range);

    /// <summary>HLM113: the value has the right kind but is not allowed.</summary>
    public static Diagnostic InvalidValue(string path, SourceRange range, string key, string detail) => Diagnostic.Error(
        "HLM113", $"Invalid value for \"{key}\"", detail, path, range);

    /// <summary>HLM114: node-specific data (hosts, addresses) in the cluster-independent file.</summary>
    public static Diagnostic NodeSpecificData(string path, SourceRange range, string key) => Diagnostic.Error(
        "HLM114", $"Node-specific key \"{key}\" is not allowed",
        "homelab.yaml holds only cluster-independent settings. Node addresses and per-node settings belong in each " +
        "node's Nomad client configuration; \"homelab-manager node nixos\" generates the NixOS module for it.",
        path, range);

    /// <summary>HLM115: Nomad/Consul/Vault connection settings in homelab.yaml.</summary>
    public static Diagnostic ConnectionSettings(string path, SourceRange range, string key) => Diagnostic.Error(
        "HLM115", $"Connection settings \"{key}\" do not belong in homelab.yaml",
        "Set NOMAD_ADDR/NOMAD_TOKEN, CONSUL_HTTP_ADDR/CONSUL_HTTP_TOKEN and VAULT_ADDR/VAULT_TOKEN in the environment, " +
        "or pass the matching command-line flags.",
        path, range);

    /// <summary>HLM120: a <c>${VAR}</c> placeholder names a variable that is set nowhere. Names the variable only.</summary>
    public static Diagnostic UndefinedVariable(string path, SourceRange range, string name) => Diagnostic.Error(
        "HLM120", $"Variable \"{name}\" is not set",
        $"Set {name} in the environment or add a line \"{name}=...\" to the .env file beside homelab.yaml.",
        path, range);

    /// <summary>HLM121: a malformed <c>${…}</c> placeholder.</summary>
    public static Diagnostic MalformedPlaceholder(string path, SourceRange range) => Diagnostic.Error(
        "HLM121", "Malformed placeholder",
        "Write ${NAME} with NAME made of letters, digits and '_' (not starting with a digit); write $${ for a literal \"${\".",
        path, range);

    /// <summary>HLM122: a malformed <c>vault:PATH#KEY</c> reference.</summary>
    public static Diagnostic MalformedVaultReference(string path, SourceRange range) => Diagnostic.Error(
        "HLM122", "Malformed Vault reference",
        "Write vault:PATH#KEY, for example vault:secret/cloudflare#tunnel_token (PATH without the KV v2 \"data/\" segment).",
        path, range);

    /// <summary>HLM130: a line of <c>.env</c> that is not <c>KEY=VALUE</c>, a comment or blank.</summary>
    public static Diagnostic MalformedDotEnvLine(string path, SourceRange range, string detail) => Diagnostic.Error(
        "HLM130", "Malformed .env line", detail, path, range);

    /// <summary>HLM131: a key defined twice in <c>.env</c> (the last definition wins).</summary>
    public static Diagnostic DuplicateDotEnvKey(string path, SourceRange range, string name, int firstLine) => Diagnostic.Warning(
        "HLM131", $"Variable \"{name}\" is defined twice",
        $"It was first defined on line {firstLine}; the last definition wins.", path, range);

    /// <summary>HLM116: a known key written at the wrong place.</summary>
    public static Diagnostic MisplacedKey(string path, SourceRange range, string key, string detail) => Diagnostic.Error(
        "HLM116", $"Key \"{key}\" is not allowed here", detail, path, range);
}
