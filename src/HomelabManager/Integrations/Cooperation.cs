namespace HomelabManager.Integrations;

/// <summary>
/// The forward-auth middleware an auth provider offers; the reverse proxy attaches it to services with
/// <c>auth = true</c>. The auth server is found in Consul by <see cref="ConsulService"/>, so each proxy can reach it
/// its own way (Traefik: tags with <c>${NOMAD_ADDR_…}</c>; nginx/Caddy: consul-template upstreams).
/// </summary>
/// <param name="Name">Middleware name, e.g. <c>authelia</c> (Traefik reference <c>authelia@consulcatalog</c>).</param>
/// <param name="ConsulService">Consul service of the auth server.</param>
/// <param name="ForwardAuthPath">Path of the forward-auth endpoint (Traefik, Caddy), e.g. <c>/api/authz/forward-auth</c>.</param>
/// <param name="AuthRequestPath">Path of the endpoint for NGINX <c>auth_request</c> (answers 2xx or 401).</param>
/// <param name="SignInUrl">Where NGINX sends a user the auth server answered 401 for; <c>?rd=&lt;original URL&gt;</c> is appended.</param>
/// <param name="ResponseHeaders">Headers of the auth answer passed on to the service, e.g. <c>Remote-User</c>.</param>
internal sealed record ForwardAuthMiddleware(
    string Name,
    string ConsulService,
    string ForwardAuthPath,
    string AuthRequestPath,
    string SignInUrl,
    IReadOnlyList<string> ResponseHeaders)
{
    /// <summary>The query parameter carrying the original URL to <see cref="SignInUrl"/>.</summary>
    public string RedirectParameter { get; init; } = "rd";
}

/// <summary>Implemented by auth providers: the middleware they offer to the reverse proxy.</summary>
internal interface IForwardAuthProvider
{
    /// <summary>The middleware for this configuration (called before any provider contributes).</summary>
    ForwardAuthMiddleware GetForwardAuth(IntegrationContext context);
}

/// <summary>Where public DNS names should point.</summary>
/// <param name="Type"><c>A</c>, <c>AAAA</c> or <c>CNAME</c>.</param>
/// <param name="Target">Address or host name, e.g. <c>&lt;tunnel-id&gt;.cfargotunnel.com</c>.</param>
/// <param name="Proxied">Cloudflare's proxy flag.</param>
internal sealed record DnsTarget(string Type, string Target, bool Proxied);

/// <summary>Implemented by VPN/tunnel providers that decide where public names point (e.g. a tunnel's CNAME).</summary>
internal interface IDnsTargetProvider
{
    /// <summary>The target for public host names, or null to leave it to the dns provider's own setting.</summary>
    DnsTarget? GetDnsTarget(IntegrationContext context);
}
