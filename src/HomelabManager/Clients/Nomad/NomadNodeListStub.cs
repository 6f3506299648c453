using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// One entry of <c>GET /v1/nodes</c> (server <c>NodeListStub</c>), the fields doctor reads. Not described
/// in the contracts folder; names follow hashicorp/nomad <c>api/nodes.go</c>.
/// </summary>
internal sealed record NomadNodeListStub
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Datacenter { get; init; } = string.Empty;

    public string NodePool { get; init; } = string.Empty;

    /// <summary>Nomad version of the client agent.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary><c>initializing</c>, <c>ready</c>, <c>down</c> or <c>disconnected</c>.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary><c>eligible</c> or <c>ineligible</c>.</summary>
    public string SchedulingEligibility { get; init; } = string.Empty;

    public bool Drain { get; init; }

    /// <summary>Driver name (<c>docker</c>, <c>exec</c>, …) → fingerprint and health.</summary>
    public IReadOnlyDictionary<string, NomadDriverInfo>? Drivers { get; init; }
}

/// <summary>A task driver as a client node fingerprinted it.</summary>
internal sealed record NomadDriverInfo
{
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public bool Detected { get; init; }

    public bool Healthy { get; init; }

    public string HealthDescription { get; init; } = string.Empty;

    public DateTimeOffset? UpdateTime { get; init; }
}
