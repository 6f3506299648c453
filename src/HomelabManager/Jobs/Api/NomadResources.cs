using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Resources</c>: CPU in MHz, memory in MiB.</summary>
internal sealed record NomadResources
{
    [JsonPropertyName("CPU")]
    public int? Cpu { get; init; }

    [JsonPropertyName("MemoryMB")]
    public int? MemoryMB { get; init; }
}
