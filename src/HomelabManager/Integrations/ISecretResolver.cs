using HomelabManager.Secrets;

namespace HomelabManager.Integrations;

/// <summary>
/// Reads the value behind a <c>vault:PATH#KEY</c> reference for a provider's external actions and checks (plan,
/// deploy, remove, doctor); offline commands never get one. Values only go back to the caller: never printed, logged
/// or put in a message.
/// </summary>
internal interface ISecretResolver
{
    /// <summary>
    /// The value at <paramref name="reference"/>. Throws <see cref="SecretUsageException"/> naming the reference (never
    /// a value) when there is no such mount, secret or key, or Vault cannot be read.
    /// </summary>
    Task<string> ReadAsync(VaultReference reference, CancellationToken cancellationToken);
}
