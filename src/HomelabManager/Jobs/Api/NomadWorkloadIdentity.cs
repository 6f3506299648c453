using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>WorkloadIdentity</c>, e.g. <c>vault_default</c> with audience <c>vault.io</c>.</summary>
internal sealed record NomadWorkloadIdentity
{
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    [JsonPropertyName("Audience")]
    public IReadOnlyList<string>? Audience { get; init; }

    [JsonPropertyName("Env")]
    public bool? Env { get; init; }

    [JsonPropertyName("File")]
    public bool? File { get; init; }

    [JsonPropertyName("TTL")]
    public NomadDuration? Ttl { get; init; }
}
