using System.Text.Json.Serialization;

namespace HomelabManager.Clients.Nomad;

/// <summary>The <c>Type</c> values of a plan diff.</summary>
internal static class NomadDiffType
{
    public const string Added = "Added";
    public const string Deleted = "Deleted";
    public const string Edited = "Edited";
    public const string None = "None";
}

/// <summary>Top of a plan diff (<c>JobDiff</c>).</summary>
internal sealed record NomadJobDiff
{
    /// <summary><see cref="NomadDiffType"/>.</summary>
    public string Type { get; init; } = NomadDiffType.None;

    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    public IReadOnlyList<NomadFieldDiff>? Fields { get; init; }

    public IReadOnlyList<NomadObjectDiff>? Objects { get; init; }

    public IReadOnlyList<NomadTaskGroupDiff>? TaskGroups { get; init; }
}

/// <summary>A task group's diff; <see cref="Updates"/> maps <c>create</c>, <c>destroy</c>, <c>in-place update</c>, … to counts.</summary>
internal sealed record NomadTaskGroupDiff
{
    public string Type { get; init; } = NomadDiffType.None;

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<NomadFieldDiff>? Fields { get; init; }

    public IReadOnlyList<NomadObjectDiff>? Objects { get; init; }

    public IReadOnlyList<NomadTaskDiff>? Tasks { get; init; }

    public IReadOnlyDictionary<string, ulong>? Updates { get; init; }
}

/// <summary>A task's diff; annotations such as <c>forces create/destroy update</c>.</summary>
internal sealed record NomadTaskDiff
{
    public string Type { get; init; } = NomadDiffType.None;

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<NomadFieldDiff>? Fields { get; init; }

    public IReadOnlyList<NomadObjectDiff>? Objects { get; init; }

    public IReadOnlyList<string>? Annotations { get; init; }
}

/// <summary>A nested block's diff (<c>Config</c>, <c>Resources</c>, <c>Service</c>, …).</summary>
internal sealed record NomadObjectDiff
{
    public string Type { get; init; } = NomadDiffType.None;

    public string Name { get; init; } = string.Empty;

    public IReadOnlyList<NomadFieldDiff>? Fields { get; init; }

    public IReadOnlyList<NomadObjectDiff>? Objects { get; init; }
}

/// <summary>One changed value; <see cref="Old"/> and <see cref="New"/> are strings (numbers in decimal).</summary>
internal sealed record NomadFieldDiff
{
    public string Type { get; init; } = NomadDiffType.None;

    public string Name { get; init; } = string.Empty;

    public string Old { get; init; } = string.Empty;

    public string New { get; init; } = string.Empty;

    public IReadOnlyList<string>? Annotations { get; init; }
}
