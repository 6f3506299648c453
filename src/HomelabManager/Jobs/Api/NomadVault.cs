using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>
/// Nomad API <c>Vault</c> block using workload identity: only <see cref="Role"/>; the legacy
/// <c>Policies</c> field is dropped by Nomad ≥ 1.10 and deliberately absent here.
/// </summary>
internal sealed record NomadVault
{
    /// <summary>Vault JWT role; absent means the auth method's default role.</summary>
    [JsonPropertyName("Role")]
    public string? Role { get; init; }

    [JsonPropertyName("ChangeMode")]
    public string? ChangeMode { get; init; }
}
