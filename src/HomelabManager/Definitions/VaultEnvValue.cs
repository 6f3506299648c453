using HomelabManager.Secrets;
namespace HomelabManager.Definitions;

/// <summary>An environment value read from Vault at run time (never known to the tool).</summary>
internal sealed record VaultEnvValue(VaultReference Reference) : EnvValue;
