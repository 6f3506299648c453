using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Consul;

/// <summary>The <c>Status</c> values of a check.</summary>
internal static class ConsulCheckStatus
{
    public const string Passing = "passing";
    public const string Warning = "warning";
    public const string Critical = "critical";
}

/// <summary>One instance of <c>GET /v1/health/service/:name</c>: node, service and all its checks.</summary>
internal sealed record ConsulHealthEntry
{
    public ConsulNode? Node { get; init; }

    public ConsulAgentService? Service { get; init; }

    /// <summary>Never null on the wire; includes node checks such as <c>serfHealth</c>.</summary>
    public IReadOnlyList<ConsulHealthCheck> Checks { get; init; } = [];

    /// <summary>The worst check status: critical over warning over passing.</summary>
    [JsonIgnore]
    public string AggregatedStatus =>
        Checks.Any(c => c.Status == ConsulCheckStatus.Critical) ? ConsulCheckStatus.Critical
        : Checks.Any(c => c.Status == ConsulCheckStatus.Warning) ? ConsulCheckStatus.Warning
        : ConsulCheckStatus.Passing;
}

/// <summary>A Consul node.</summary>
internal sealed record ConsulNode
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Node { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string Datacenter { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}

/// <summary>A registered service instance (as in the health endpoint).</summary>
internal sealed record ConsulAgentService
{
    /// <summary>For Nomad services: <c>_nomad-task-&lt;alloc&gt;-&lt;task&gt;-&lt;service&gt;-&lt;port&gt;</c>.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Service { get; init; } = string.Empty;

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Empty = the node's address.</summary>
    public string Address { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public int Port { get; init; }

    public bool EnableTagOverride { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}

/// <summary>A health check.</summary>
internal sealed record ConsulHealthCheck
{
    public string Node { get; init; } = string.Empty;

    [JsonPropertyName("CheckID")]
    public string CheckId { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    /// <summary><see cref="ConsulCheckStatus"/>.</summary>
    public string Status { get; init; } = string.Empty;

    public string Notes { get; init; } = string.Empty;

    public string Output { get; init; } = string.Empty;

    [JsonPropertyName("ServiceID")]
    public string ServiceId { get; init; } = string.Empty;

    public string ServiceName { get; init; } = string.Empty;

    public IReadOnlyList<string> ServiceTags { get; init; } = [];

    /// <summary>Optional in older versions.</summary>
    public string? Type { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}
