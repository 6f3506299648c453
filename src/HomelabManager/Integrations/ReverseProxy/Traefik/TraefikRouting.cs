using HomelabManager.Jobs;

namespace HomelabManager.Integrations.ReverseProxy.Traefik;

/// <summary>
/// The Consul tags Traefik's consulCatalog provider reads (contract §4): for a public service
/// <c>traefik.enable=true</c>, a <c>Host(`…`)</c> router on <c>websecure</c> with the ACME resolver and, with
/// <c>auth = true</c>, the forward-auth middleware. On the auth server's own service it declares that middleware,
/// with the address Nomad fills in at run time (<c>${NOMAD_ADDR_&lt;port&gt;}</c>). No canary tags.
/// </summary>
internal sealed class TraefikRouting(string certResolver, ForwardAuthMiddleware? forwardAuth) : IJobContribution
{
    /// <summary>The Traefik reference of a middleware declared by Consul tags.</summary>
    public static string MiddlewareReference(string name) => $"{name}@consulcatalog";

    /// <inheritdoc />
    public void Contribute(JobContributionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ServicePortLabel is not { } portLabel)
        {
            return;
        }

        if (forwardAuth is not null && context.ConsulServiceName == forwardAuth.ConsulService)
        {
            var prefix = $"traefik.http.middlewares.{forwardAuth.Name}.forwardauth";
            context.ServiceTags.Add($"{prefix}.address=http://${{NOMAD_ADDR_{portLabel}}}{forwardAuth.ForwardAuthPath}");
            context.ServiceTags.Add($"{prefix}.trustForwardHeader=true");
            context.ServiceTags.Add($"{prefix}.authResponseHeaders={string.Join(',', forwardAuth.ResponseHeaders)}");
        }

        if (context.PublicHostName is not { } host)
        {
            return;
        }

        var router = context.ConsulServiceName;
        context.ServiceTags.Insert(0, "traefik.enable=true");
        context.ServiceTags.Add($"traefik.http.routers.{router}.rule=Host(`{host}`)");
        context.ServiceTags.Add($"traefik.http.routers.{router}.entrypoints=websecure");
        context.ServiceTags.Add($"traefik.http.routers.{router}.tls.certresolver={certResolver}");
        if (context.Service.Auth && forwardAuth is not null)
        {
            context.ServiceTags.Add($"traefik.http.routers.{router}.middlewares={MiddlewareReference(forwardAuth.Name)}");
        }
    }
}
