namespace HomelabManager.Secrets;

/// <summary>
/// A secret cannot be used as asked (no KV mount, no secret at the path, no such key, …): the message says what and how
/// to fix it, and names references and paths only, never a value. The secrets command exits 1 with it.
/// </summary>
internal sealed class SecretUsageException(string message) : Exception(message);
