namespace HomelabManager.Integrations.ReverseProxy;

/// <summary>
/// The template model shared by the reverse proxies whose config consul-template renders at run time (nginx, Caddy):
/// one site per public host, the forward-auth server, and per upstream either nothing (the template asks Consul:
/// <c>range service "name"</c>) or a fixed server list (tests stand in for consul-template with static
/// <c>127.0.0.1:port</c> servers in the same model).
/// </summary>
internal static class ProxySiteModel
{
    /// <summary>The <c>sites</c> and <c>forwardAuth</c> entries of the model.</summary>
    /// <param name="sites">The public sites.</param>
    /// <param name="forwardAuth">The auth provider's middleware, or null.</param>
    /// <param name="staticServers">Fixed <c>host:port</c> servers by Consul service name; null to ask Consul at run time.</param>
    public static Dictionary<string, object?> Build(
        IReadOnlyList<PublicSite> sites,
        ForwardAuthMiddleware? forwardAuth,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? staticServers)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var model = new Dictionary<string, object?>
        {
            ["sites"] = sites
                .Select(s => (object?)new Dictionary<string, object?>
                {
                    ["host"] = s.Host,
                    ["service"] = s.Service,
                    ["upstream"] = UpstreamName(s.Service),
                    ["auth"] = s.Auth && forwardAuth is not null,
                    ["servers"] = Servers(s.Service, staticServers),
                })
                .ToList(),
            ["upstreams"] = sites.Select(s => s.Service)
                .Concat(forwardAuth is null || !sites.Any(s => s.Auth) ? [] : [forwardAuth.ConsulService])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(service => (object?)new Dictionary<string, object?>
                {
                    ["service"] = service,
                    ["upstream"] = UpstreamName(service),
                    ["servers"] = Servers(service, staticServers),
                })
                .ToList(),
        };
        if (forwardAuth is not null && sites.Any(s => s.Auth))
        {
            model["forwardAuth"] = new Dictionary<string, object?>
            {
                ["name"] = forwardAuth.Name,
                ["service"] = forwardAuth.ConsulService,
                ["upstream"] = UpstreamName(forwardAuth.ConsulService),
                ["servers"] = Servers(forwardAuth.ConsulService, staticServers),
                ["forwardAuthPath"] = forwardAuth.ForwardAuthPath,
                ["authRequestPath"] = forwardAuth.AuthRequestPath,
                ["signInUrl"] = forwardAuth.SignInUrl,
                ["redirectParameter"] = forwardAuth.RedirectParameter,
                ["headers"] = forwardAuth.ResponseHeaders
                    .Select(h => (object?)new Dictionary<string, object?>
                    {
                        ["name"] = h,
                        ["variable"] = "auth_" + h.ToLowerInvariant().Replace('-', '_'),
                        ["upstreamVariable"] = "upstream_http_" + h.ToLowerInvariant().Replace('-', '_'),
                    })
                    .ToList(),
            };
        }

        return model;
    }

    /// <summary>The nginx upstream / config name of a Consul service.</summary>
    public static string UpstreamName(string service) => "svc_" + service.Replace('-', '_');

    private static List<object?>? Servers(string service, IReadOnlyDictionary<string, IReadOnlyList<string>>? staticServers) =>
        staticServers is null
            ? null
            : staticServers.TryGetValue(service, out var servers)
                ? [.. servers]
                : throw new InvalidOperationException($"no static servers given for '{service}'");
}
