using HomelabManager.Secrets;
namespace HomelabManager.Definitions;

/// <summary>
/// The value of an environment variable: either <see cref="LiteralEnvValue"/> or
/// <see cref="VaultEnvValue"/>. Secret values are never held, only references to them.
/// </summary>
internal abstract record EnvValue
{
    private protected EnvValue()
    {
    }

    /// <summary>A literal value.</summary>
    public static EnvValue Literal(string value) => new LiteralEnvValue(value);

    /// <summary>A value read from Vault at run time.</summary>
    public static EnvValue FromVault(VaultReference reference) => new VaultEnvValue(reference);
}
