using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Nomad API <c>Template</c>: consul-template text rendered into the task directory.</summary>
internal sealed record NomadTemplate
{
    [JsonPropertyName("DestPath")]
    public required string DestPath { get; init; }

    [JsonPropertyName("EmbeddedTmpl")]
    public required string EmbeddedTmpl { get; init; }

    /// <summary><c>restart</c>, <c>noop</c>, <c>signal</c> or <c>script</c>.</summary>
    [JsonPropertyName("ChangeMode")]
    public string? ChangeMode { get; init; }

    [JsonPropertyName("ChangeSignal")]
    public string? ChangeSignal { get; init; }

    /// <summary>Octal permission string, e.g. <c>0600</c>.</summary>
    [JsonPropertyName("Perms")]
    public string? Perms { get; init; }

    /// <summary>Parse the rendered file as <c>KEY=value</c> lines into the task environment.</summary>
    [JsonPropertyName("Envvars")]
    public bool? Envvars { get; init; }
}
