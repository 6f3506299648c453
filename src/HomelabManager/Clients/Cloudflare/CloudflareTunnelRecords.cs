using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Cloudflare;

/// <summary>The <c>result</c> of GET/PUT <c>…/cfd_tunnel/:tunnel_id/configurations</c>.</summary>
internal sealed record CloudflareTunnelConfiguration
{
    public string? AccountId { get; init; }

    public string? TunnelId { get; init; }

    /// <summary>Increases with every stored configuration.</summary>
    public int Version { get; init; }

    /// <summary>The configuration; null (or without ingress) for a tunnel that never had one.</summary>
    public CloudflareTunnelConfig? Config { get; init; }

    /// <summary><c>cloudflare</c> (remotely managed) or <c>local</c>.</summary>
    public string? Source { get; init; }

    public string? CreatedAt { get; init; }
}

/// <summary>
/// The <c>config</c> object: ordered ingress rules ending in a catch-all, origin defaults, and whatever else
/// Cloudflare keeps there (e.g. <c>warp-routing</c>), kept in <see cref="Other"/> so a PUT sends it back unchanged.
/// </summary>
internal sealed record CloudflareTunnelConfig
{
    public IReadOnlyList<CloudflareIngressRule>? Ingress { get; init; }

    /// <summary>Defaults for every rule (camelCase keys such as <c>noTLSVerify</c>).</summary>
    [JsonPropertyName("originRequest")]
    public JsonObject? OriginRequest { get; init; }

    /// <summary>Fields this program does not manage, passed through.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>One ingress rule: requests for <see cref="Hostname"/> (and <see cref="Path"/>) go to <see cref="Service"/>.</summary>
internal sealed record CloudflareIngressRule
{
    /// <summary>Host name, <c>*.suffix</c>, or empty/absent for the catch-all.</summary>
    public string? Hostname { get; init; }

    /// <summary>Regular expression on the URL path (not used by this program, kept when present).</summary>
    public string? Path { get; init; }

    /// <summary>Origin, e.g. <c>https://localhost:443</c> or <c>http_status:404</c>.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>Per-rule origin settings (camelCase keys).</summary>
    [JsonPropertyName("originRequest")]
    public JsonObject? OriginRequest { get; init; }

    /// <summary>Fields this program does not manage, passed through.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>The body of a PUT: <c>{"config": {...}}</c>.</summary>
internal sealed record CloudflareTunnelConfigurationRequest
{
    public CloudflareTunnelConfig? Config { get; init; }
}
