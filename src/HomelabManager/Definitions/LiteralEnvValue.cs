namespace HomelabManager.Definitions;

/// <summary>A literal environment value, passed to the task as is.</summary>
internal sealed record LiteralEnvValue(string Value) : EnvValue;
