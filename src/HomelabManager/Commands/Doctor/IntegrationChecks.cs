using HomelabManager.Configuration;
using HomelabManager.Homelab;
using HomelabManager.Integrations;
using HomelabManager.Secrets;

namespace HomelabManager.Commands.Doctor;

/// <summary>
/// The providers homelab.yaml chooses, one component each (e.g. <c>dns cloudflare</c>): the <c>vault:</c> reference of
/// every secret option exists (references named, values never shown), then the provider's own API checks when it has
/// them (<see cref="IProviderChecks"/>). Nothing when the folder has no homelab.yaml or no provider.
/// </summary>
internal static class IntegrationChecks
{
    private const string Component = "homelab.yaml";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(LoadedHomelab? homelab, Func<ExternalAccess> access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (homelab?.Configuration is not { } configuration || !configuration.Integrations.Any())
        {
            return [];
        }

        var built = homelab.HasErrors ? null : HomelabJobs.Build(homelab);
        if (built?.Integrations is not { } plan || built.HasErrors)
        {
            return [DoctorCheck.Skipped(Component, "providers", "homelab.yaml has errors; run homelab-manager validate, then doctor again")];
        }

        var shared = access();
        var checks = new List<DoctorCheck>();
        foreach (var category in IntegrationCategories.All)
        {
            if (plan.Providers.TryGetValue(category, out var provider) && plan.Contexts.TryGetValue(category, out var context))
            {
                checks.AddRange(await ProviderAsync($"{IntegrationCategories.KeyOf(category)} {provider.Name}", provider, context, shared, cancellationToken));
            }
        }

        return checks;
    }

    private static async Task<IReadOnlyList<DoctorCheck>> ProviderAsync(
        string component, IIntegrationProvider provider, IntegrationContext context, ExternalAccess access, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var readable = true;
        foreach (var (option, reference) in context.Settings.SecretReferences())
        {
            var name = $"secret {option}";
            try
            {
                _ = await access.Secrets.ReadAsync(reference, cancellationToken);
                checks.Add(DoctorCheck.Passed(component, name, $"{reference} exists"));
            }
            catch (SecretUsageException exception)
            {
                readable = false;
                checks.Add(DoctorCheck.Failed(component, name, exception.Message,
                    $"write it with 'homelab-manager secrets set {reference.Path} {reference.Key}', or let VAULT_TOKEN read it"));
            }
        }

        if (provider is not IProviderChecks own)
        {
            return checks;
        }

        if (!readable)
        {
            checks.Add(DoctorCheck.Skipped(component, "API", "a secret it needs cannot be read"));
            return checks;
        }

        try
        {
            var online = await context.ForExternalUseAsync(access, cancellationToken);
            using var http = access.ApiOptions.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
            checks.AddRange((await own.CheckAsync(online, http, cancellationToken)).Select(c => c.Status switch
            {
                ProviderCheckStatus.Pass => DoctorCheck.Passed(component, c.Check, c.Detail),
                ProviderCheckStatus.Fail => DoctorCheck.Failed(component, c.Check, c.Detail, c.Hint ?? "see the provider's documentation"),
                _ => DoctorCheck.Skipped(component, c.Check, c.Detail),
            }));
        }
        catch (Exception exception) when (exception is SecretUsageException or InvalidOperationException)
        {
            checks.Add(DoctorCheck.Failed(component, "API", exception.Message, $"check {IntegrationCategories.KeyOf(provider.Category)}.config in homelab.yaml"));
        }

        return checks;
    }
}
