using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Task</c> running the docker driver.</summary>
internal sealed record NomadTask
{
    [JsonPropertyName("Name")]
    public required string Name { get; init; }

    [JsonPropertyName("Driver")]
    public required string Driver { get; init; }

    /// <summary>User the container runs as (the docker driver reads the task user).</summary>
    [JsonPropertyName("User")]
    public string? User { get; init; }

    [JsonPropertyName("Config")]
    public required DockerTaskConfig Config { get; init; }

    [JsonPropertyName("Env")]
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    [JsonPropertyName("Services")]
    public IReadOnlyList<NomadService>? Services { get; init; }

    [JsonPropertyName("Resources")]
    public NomadResources? Resources { get; init; }

    [JsonPropertyName("Meta")]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    [JsonPropertyName("Vault")]
    public NomadVault? Vault { get; init; }

    [JsonPropertyName("Templates")]
    public IReadOnlyList<NomadTemplate>? Templates { get; init; }

    [JsonPropertyName("VolumeMounts")]
    public IReadOnlyList<NomadVolumeMount>? VolumeMounts { get; init; }

    [JsonPropertyName("Identities")]
    public IReadOnlyList<NomadWorkloadIdentity>? Identities { get; init; }
}
