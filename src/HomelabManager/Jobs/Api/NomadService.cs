using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Service</c> (a Consul or Nomad service registration).</summary>
internal sealed record NomadService
{
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    [JsonPropertyName("Tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonPropertyName("PortLabel")]
    public string? PortLabel { get; init; }

    [JsonPropertyName("Checks")]
    public IReadOnlyList<NomadServiceCheck>? Checks { get; init; }

    [JsonPropertyName("Meta")]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary><c>consul</c> or <c>nomad</c>.</summary>
    [JsonPropertyName("Provider")]
    public string? Provider { get; init; }
}
