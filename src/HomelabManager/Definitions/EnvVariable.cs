namespace HomelabManager.Definitions;

/// <summary>One environment variable of a service.</summary>
/// <param name="Name">Variable name, <c>[A-Za-z_][A-Za-z0-9_]*</c>.</param>
/// <param name="Value">Literal text or a Vault reference.</param>
internal sealed record EnvVariable(string Name, EnvValue Value);
