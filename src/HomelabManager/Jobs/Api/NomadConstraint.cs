using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Constraint</c>: <c>LTarget Operand RTarget</c>.</summary>
internal sealed record NomadConstraint
{
    [JsonPropertyName("LTarget")]
    public string? LTarget { get; init; }

    [JsonPropertyName("RTarget")]
    public string? RTarget { get; init; }

    [JsonPropertyName("Operand")]
    public required string Operand { get; init; }
}
