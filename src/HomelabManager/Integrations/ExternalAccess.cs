using HomelabManager.Clients.Http;

namespace HomelabManager.Integrations;

/// <summary>
/// What a command run gives providers to reach the outside world (see <see cref="IntegrationContext.ForExternalUseAsync"/>).
/// </summary>
/// <param name="Secrets">Reads the <c>vault:</c> references of secret options.</param>
/// <param name="ApiOptions">Clock, <c>-v</c> trace and handler for the providers' API clients (each client keeps its own retry rules).</param>
internal sealed record ExternalAccess(ISecretResolver Secrets, ApiClientOptions ApiOptions);
