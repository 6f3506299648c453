using System.Text.Json;

namespace HomelabManager.Tests.NomadSchema;

/// <summary>
/// The field-by-field Nomad job schema from <c>shared/contracts/nomad-job-schema.json</c>, read in place
/// (never copied into the repository). Each struct maps a JSON field name to a Go type string such as
/// <c>*string</c>, <c>[]*Task</c>, <c>map[string]*VolumeRequest</c> or <c>duration</c>.
/// </summary>
public sealed class NomadJobSchema
{
    private const string FileName = "nomad-job-schema.json";

    private static readonly Lazy<NomadJobSchema?> Instance = new(Load);

    private NomadJobSchema(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> structs,
        IReadOnlyDictionary<string, IReadOnlySet<string>> enums)
    {
        Structs = structs;
        Enums = enums;
    }

    /// <summary>The loaded schema, or null when the contracts folder is not next to the repository.</summary>
    public static NomadJobSchema? Current => Instance.Value;

    /// <summary>Why the schema is missing (for skip messages).</summary>
    public static string MissingReason =>
        $"{FileName} not found: expected <repo-root>/../shared/contracts/{FileName} " +
        "(or set HOMELAB_CONTRACTS_DIR); schema validation is skipped";

    /// <summary>Struct name → (field name → Go type).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Structs { get; }

    /// <summary><c>Struct.Field</c> → allowed string values (from <c>_enums</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Enums { get; }

    /// <summary>The contracts folder, or null.</summary>
    public static string? FindContractsDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("HOMELAB_CONTRACTS_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, FileName)) ? fromEnvironment : null;
        }

        var contracts = Path.Combine(RepositoryPaths.Shared, "contracts");
        return File.Exists(Path.Combine(contracts, FileName)) ? contracts : null;
    }

    private static NomadJobSchema? Load()
    {
        var contracts = FindContractsDirectory();
        if (contracts is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(contracts, FileName)));
        var structs = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Name.StartsWith('_') || entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in entry.Value.EnumerateObject())
            {
                fields[field.Name] = field.Value.GetString()
                    ?? throw new InvalidDataException($"{entry.Name}.{field.Name}: type is not a string");
            }

            structs[entry.Name] = fields;
        }

        // "_enums" keys look like "Job.Type", "UpdateStrategy.HealthCheck / MigrateStrategy.HealthCheck"
        // or "ServiceCheck.Type (provider=consul)"; values that are not arrays are prose and skipped.
        var enums = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.GetProperty("_enums").EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var part in entry.Name.Split(" / "))
            {
                var key = part.Split(" (")[0].Trim();
                if (!enums.TryGetValue(key, out var values))
                {
                    enums[key] = values = new HashSet<string>(StringComparer.Ordinal);
                }

                values.UnionWith(entry.Value.EnumerateArray().Select(v => v.GetString()!));
            }
        }

        return new NomadJobSchema(structs, enums.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<string>)kv.Value, StringComparer.Ordinal));
    }
}
