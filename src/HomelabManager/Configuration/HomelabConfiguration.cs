using HomelabManager.Hcl.Text;

namespace HomelabManager.Configuration;

/// <summary>
/// The settings of <c>homelab.yaml</c>: cluster-wide values (never node-specific) and one optional section per
/// integration category. Provider <c>config</c> sections stay positioned trees, validated by their provider.
/// </summary>
public sealed record HomelabConfiguration(
    string Path,
    HomelabSettings Homelab,
    IntegrationSection? Vpn,
    IntegrationSection? Dns,
    IntegrationSection? ReverseProxy,
    IntegrationSection? Auth)
{
    /// <summary>The configured integration sections, in category order.</summary>
    public IEnumerable<IntegrationSection> Integrations =>
        new[] { Vpn, Dns, ReverseProxy, Auth }.OfType<IntegrationSection>();

    /// <summary>The section of one category, or null when it is not configured.</summary>
    public IntegrationSection? this[IntegrationCategory category] => category switch
    {
        IntegrationCategory.Vpn => Vpn,
        IntegrationCategory.Dns => Dns,
        IntegrationCategory.ReverseProxy => ReverseProxy,
        IntegrationCategory.Auth => Auth,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}

/// <summary>The <c>homelab:</c> section.</summary>
/// <param name="Domain">Base DNS domain, lower case; public services get <c>&lt;subdomain|name&gt;.&lt;Domain&gt;</c>. Empty when invalid.</param>
/// <param name="DomainRange">Where the domain is written (for diagnostics of later stages).</param>
/// <param name="Datacenters">Nomad datacenters jobs may run in; default <c>["*"]</c> (all).</param>
/// <param name="Vault">How services reach their secrets in Vault.</param>
public sealed record HomelabSettings(
    string Domain,
    SourceRange DomainRange,
    IReadOnlyList<string> Datacenters,
    VaultSettings Vault);

/// <summary>The <c>homelab.vault:</c> section: where secrets live and how workloads log in.</summary>
/// <param name="KvMount">KV secrets engine mount, without slashes; default <c>secret</c>.</param>
/// <param name="KvVersion">KV engine version, 1 or 2; default 2 (paths become <c>mount/data/…</c>).</param>
/// <param name="Role">Vault JWT role Nomad workload identities log in with; default <c>nomad-workloads</c>
/// (the role <c>nomad setup vault</c> creates).</param>
public sealed record VaultSettings(string KvMount, int KvVersion, string Role)
{
    /// <summary>Default KV mount.</summary>
    public const string DefaultKvMount = "secret";

    /// <summary>Default KV version.</summary>
    public const int DefaultKvVersion = 2;

    /// <summary>Default Vault role.</summary>
    public const string DefaultRole = "nomad-workloads";

    /// <summary>All defaults.</summary>
    public static VaultSettings Default { get; } = new(DefaultKvMount, DefaultKvVersion, DefaultRole);
}

/// <summary>One integration section (<c>vpn:</c>, <c>dns:</c>, <c>reverse_proxy:</c>, <c>auth:</c>).</summary>
/// <param name="Category">Which category.</param>
/// <param name="Provider">Provider name as written (e.g. <c>cloudflare</c>); the registry checks it exists.</param>
/// <param name="ProviderRange">Where the provider name is written.</param>
/// <param name="Config">The provider's own settings, unvalidated, placeholders unresolved; empty when omitted.</param>
/// <param name="Range">Where the whole section's key is written.</param>
public sealed record IntegrationSection(
    IntegrationCategory Category,
    string Provider,
    SourceRange ProviderRange,
    ConfigMapping Config,
    SourceRange Range);

/// <summary>The integration categories, one section each in <c>homelab.yaml</c>.</summary>
public enum IntegrationCategory
{
    /// <summary><c>vpn:</c> — cloudflare_tunnel, wireguard.</summary>
    Vpn,

    /// <summary><c>dns:</c> — cloudflare, route53.</summary>
    Dns,

    /// <summary><c>reverse_proxy:</c> — traefik, nginx, caddy.</summary>
    ReverseProxy,

    /// <summary><c>auth:</c> — authelia, keycloak.</summary>
    Auth,
}

/// <summary>YAML key names of <see cref="IntegrationCategory"/>.</summary>
public static class IntegrationCategories
{
    /// <summary>Every category in file order.</summary>
    public static IReadOnlyList<IntegrationCategory> All { get; } =
        [IntegrationCategory.Vpn, IntegrationCategory.Dns, IntegrationCategory.ReverseProxy, IntegrationCategory.Auth];

    /// <summary>The key of a category in <c>homelab.yaml</c>: <c>vpn</c>, <c>dns</c>, <c>reverse_proxy</c>, <c>auth</c>.</summary>
    public static string KeyOf(IntegrationCategory category) => category switch
    {
        IntegrationCategory.Vpn => "vpn",
        IntegrationCategory.Dns => "dns",
        IntegrationCategory.ReverseProxy => "reverse_proxy",
        IntegrationCategory.Auth => "auth",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
