using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Consul;

/// <summary>One instance of <c>GET /v1/catalog/service/:name</c>.</summary>
internal sealed record ConsulCatalogService
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public string Node { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public string Datacenter { get; init; } = string.Empty;

    [JsonPropertyName("ServiceID")]
    public string ServiceId { get; init; } = string.Empty;

    public string ServiceName { get; init; } = string.Empty;

    public IReadOnlyList<string> ServiceTags { get; init; } = [];

    /// <summary>Empty = <see cref="Address"/>.</summary>
    public string ServiceAddress { get; init; } = string.Empty;

    public int ServicePort { get; init; }

    public IReadOnlyDictionary<string, string>? ServiceMeta { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}
