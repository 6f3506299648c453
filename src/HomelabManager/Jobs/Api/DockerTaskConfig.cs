using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>The docker driver's <c>Task.Config</c> map (lower-case driver keys).</summary>
internal sealed record DockerTaskConfig
{
    [JsonPropertyName("image")]
    public required string Image { get; init; }

    /// <summary>Labels of group network ports mapped into the container.</summary>
    [JsonPropertyName("ports")]
    public IReadOnlyList<string>? Ports { get; init; }

    [JsonPropertyName("command")]
    public string? Command { get; init; }

    [JsonPropertyName("args")]
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>True or absent (never an explicit false, to keep the job small).</summary>
    [JsonPropertyName("privileged")]
    public bool? Privileged { get; init; }

    [JsonPropertyName("cap_add")]
    public IReadOnlyList<string>? CapAdd { get; init; }

    /// <summary>True makes the client pull the image even when it has it (set by <c>update</c>); absent otherwise.</summary>
    [JsonPropertyName("force_pull")]
    public bool? ForcePull { get; init; }

    /// <summary><c>host</c> runs the container in the node's network namespace (set by integrations that need it); absent otherwise.</summary>
    [JsonPropertyName("network_mode")]
    public string? NetworkMode { get; init; }
}
