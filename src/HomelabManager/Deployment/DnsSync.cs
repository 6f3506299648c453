using HomelabManager.Clients.Http;
using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Secrets;

namespace HomelabManager.Deployment;

/// <summary>
/// The configured dns and vpn providers' external actions for one command run: plans the records and tunnel routes
/// the whole homelab wants and applies a chosen subset of that plan. Null (see <see cref="ForAsync"/>) when no dns or vpn
/// provider with external actions is configured. Every change's resource ends with the host name it is about.
/// </summary>
internal sealed class DnsSync : IDisposable
{
    private readonly HttpClient _http;
    private readonly IExternalActions _actions;

    private DnsSync(HttpClient http, IExternalActions actions, ExternalActionRequest wanted, string provider, string domain)
    {
        Domain = domain;
        _http = http;
        _actions = actions;
        Wanted = wanted;
        Provider = provider;
    }

    /// <summary>The records (and tunnel routes) the whole homelab wants.</summary>
    public ExternalActionRequest Wanted { get; }

    /// <summary><c>homelab.domain</c>.</summary>
    public string Domain { get; }

    /// <summary>The providers' names, e.g. <c>cloudflare</c> or <c>cloudflare, cloudflare_tunnel</c>.</summary>
    public string Provider { get; }

    /// <summary>
    /// The sync of <paramref name="integrations"/>' vpn and dns providers, or null when neither is configured or has
    /// external actions. Their secret options are read now, through <paramref name="access"/> (Vault only for
    /// <c>vault:</c> references). Throws <see cref="DnsSyncException"/> when a provider cannot be set up (e.g. a
    /// missing secret, named by its reference).
    /// </summary>
    public static async Task<DnsSync?> ForAsync(IntegrationPlan? integrations, ExternalAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);

        // The vpn provider first: a tunnel routes a host before its name points at the tunnel.
        var providers = new[] { IntegrationCategory.Vpn, IntegrationCategory.Dns }
            .Select(c => (Category: c, Provider: integrations?.Providers.GetValueOrDefault(c) as IExternalActionsProvider, Context: integrations?.Contexts.GetValueOrDefault(c)))
            .Where(p => p.Provider is not null && p.Context is not null)
            .ToList();
        if (integrations is null || providers.Count == 0)
        {
            return null;
        }

        var online = new List<IntegrationContext>();
        foreach (var (category, provider, context) in providers)
        {
            try
            {
                online.Add(await context!.ForExternalUseAsync(access, cancellationToken));
            }
            catch (SecretUsageException exception)
            {
                var name = ((IIntegrationProvider)provider!).Name;
                throw new DnsSyncException($"the {IntegrationCategories.KeyOf(category)} provider ({name}) cannot read its credentials: {exception.Message}", exception);
            }
        }

        var known = online.Select(c => c.Diagnostics.Count).ToList();
        var http = access.ApiOptions.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        try
        {
            var actions = providers.Select((p, i) => p.Provider!.CreateExternalActions(online[i], http)).ToList();
            var names = providers.Select(p => ((IIntegrationProvider)p.Provider!).Name).Reverse();
            return new DnsSync(
                http,
                actions.Count == 1 ? actions[0] : new ExternalActionsChain(actions),
                new ExternalActionRequest(integrations.DnsRecords, integrations.TunnelIngress),
                string.Join(", ", names),
                providers[0].Context!.Domain);
        }
        catch (InvalidOperationException exception)
        {
            http.Dispose();

            // Reading the settings may have found the cause (a variable that is not set): name it and its line.
            var cause = online.SelectMany((c, i) => c.Diagnostics.Skip(known[i])).FirstOrDefault(d => d.IsError);
            throw new DnsSyncException(cause is null ? exception.Message : $"{cause} ({exception.Message})", exception);
        }
    }

    /// <summary>The record name a change is about (the last word of its resource, e.g. <c>DNS A web.lab.example.com</c>).</summary>
    public static string NameOf(ExternalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Resource[(change.Resource.LastIndexOf(' ') + 1)..];
    }

    /// <summary>The public host names of <paramref name="services"/> (what their records and tunnel routes are named).</summary>
    public IReadOnlySet<string> HostsOf(IEnumerable<Definitions.ServiceDefinition> services) =>
        PublicSite.Of(services, Domain).Select(s => s.Host.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The changes a command run may make: for a whole homelab every change (deletions of records nothing wants
    /// only with <paramref name="prune"/>); for named services only the changes at their host names.
    /// </summary>
    public IReadOnlyList<ExternalChange> Select(IReadOnlyList<ExternalChange> changes, DesiredState desired, bool prune)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(desired);
        var wantedNames = Wanted.DnsRecords.Select(r => r.Name).Concat(Wanted.TunnelIngress.Select(r => r.Hostname)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hosts = desired.IsWholeHomelab ? null : HostsOf(desired.Services);
        return [.. changes.Where(c => (hosts is null || hosts.Contains(NameOf(c)))
            && (prune || c.Kind != ExternalChangeKind.Delete || wantedNames.Contains(NameOf(c))))];
    }

    /// <summary>The changes needed to reach <paramref name="wanted"/> (default: <see cref="Wanted"/>); changes nothing.</summary>
    public async Task<IReadOnlyList<ExternalChange>> PlanAsync(CancellationToken cancellationToken, ExternalActionRequest? wanted = null)
    {
        try
        {
            return await _actions.PlanAsync(wanted ?? Wanted, cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException or InvalidOperationException or HttpRequestException)
        {
            throw new DnsSyncException($"planning DNS records ({Provider}) failed: {exception.Message}", exception);
        }
    }

    /// <summary>Makes <paramref name="changes"/> (conflicts are never applied); returns the ones made.</summary>
    public async Task<IReadOnlyList<ExternalChange>> ApplyAsync(IReadOnlyList<ExternalChange> changes, CancellationToken cancellationToken, ExternalActionRequest? wanted = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!changes.Any(c => c.Kind != ExternalChangeKind.Conflict))
        {
            return [];
        }

        try
        {
            return await _actions.ApplyAsync(wanted ?? Wanted, changes, cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException or InvalidOperationException or HttpRequestException)
        {
            throw new DnsSyncException($"applying DNS records ({Provider}) failed: {exception.Message}", exception);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A DNS provider could not be read or written; the message names the provider and never a secret.</summary>
internal sealed class DnsSyncException : Exception
{
    public DnsSyncException()
    {
    }

    public DnsSyncException(string message)
        : base(message)
    {
    }

    public DnsSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
