using HomelabManager.Clients.Http;
using HomelabManager.Configuration;
using HomelabManager.Integrations;

namespace HomelabManager.Deployment;

/// <summary>
/// The configured dns provider's external actions for one command run: plans the records the whole homelab wants
/// and applies a chosen subset of that plan. Null (see <see cref="For"/>) when no dns provider with external actions
/// is configured.
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

    /// <summary>The dns provider's name, e.g. <c>cloudflare</c>.</summary>
    public string Provider { get; }

    /// <summary>
    /// The sync of <paramref name="integrations"/>' dns provider, or null when none is configured or it has no
    /// external actions. Throws <see cref="DnsSyncException"/> when the provider cannot be set up (e.g. its token).
    /// </summary>
    public static DnsSync? For(IntegrationPlan? integrations, ApiClientOptions? options)
    {
        if (integrations?.Providers.GetValueOrDefault(IntegrationCategory.Dns) is not IExternalActionsProvider provider
            || !integrations.Contexts.TryGetValue(IntegrationCategory.Dns, out var context))
        {
            return null;
        }

        var http = options?.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
        var known = context.Diagnostics.Count;
        try
        {
            var actions = provider.CreateExternalActions(context, http);
            return new DnsSync(http, actions, new ExternalActionRequest(integrations.DnsRecords, integrations.TunnelIngress), ((IIntegrationProvider)provider).Name, context.Domain);
        }
        catch (InvalidOperationException exception)
        {
            http.Dispose();

            // Reading the settings may have found the cause (a variable that is not set): name it and its line.
            var cause = context.Diagnostics.Skip(known).FirstOrDefault(d => d.IsError);
            throw new DnsSyncException(cause is null ? exception.Message : $"{cause} ({exception.Message})", exception);
        }
    }

    /// <summary>The record name a change is about (the last word of its resource, e.g. <c>DNS A web.lab.example.com</c>).</summary>
    public static string NameOf(ExternalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Resource[(change.Resource.LastIndexOf(' ') + 1)..];
    }

    /// <summary>The public host names of <paramref name="services"/> (what their records are named).</summary>
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
        var wantedNames = Wanted.DnsRecords.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
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
