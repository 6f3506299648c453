using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary><c>GET /v1/agent/self</c>: only the keys the contract promises (top-level keys are lower-case).</summary>
internal sealed record NomadAgentSelf
{
    [JsonPropertyName("config")]
    public NomadAgentConfig? Config { get; init; }

    [JsonPropertyName("member")]
    public NomadAgentMember? Member { get; init; }

    /// <summary>Section → name → value (all strings), e.g. <c>stats["nomad"]["leader"]</c>.</summary>
    [JsonPropertyName("stats")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Stats { get; init; }
}

/// <summary>Agent configuration (secrets are redacted by the server).</summary>
internal sealed record NomadAgentConfig
{
    public string Region { get; init; } = string.Empty;

    public string Datacenter { get; init; } = string.Empty;

    public string NodeName { get; init; } = string.Empty;

    public NomadAgentVersion? Version { get; init; }

    [JsonPropertyName("ACL")]
    public NomadAgentEnabled? Acl { get; init; }

    public NomadAgentEnabled? Server { get; init; }

    public NomadAgentEnabled? Client { get; init; }
}

/// <summary>Build version of the agent.</summary>
internal sealed record NomadAgentVersion
{
    public string Version { get; init; } = string.Empty;

    public string VersionPrerelease { get; init; } = string.Empty;

    public string VersionMetadata { get; init; } = string.Empty;

    public string Revision { get; init; } = string.Empty;
}

/// <summary>An <c>{"Enabled": …}</c> section.</summary>
internal sealed record NomadAgentEnabled
{
    public bool Enabled { get; init; }
}

/// <summary>The agent's gossip member (empty on a client-only agent).</summary>
internal sealed record NomadAgentMember
{
    public string Name { get; init; } = string.Empty;

    public string Addr { get; init; } = string.Empty;

    public int Port { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string Status { get; init; } = string.Empty;
}
