using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomelabManager.Tests.NomadSchema;

/// <summary>
/// A strict validator for Nomad API job JSON, driven by <see cref="NomadJobSchema"/>. Stricter than Nomad
/// itself (which ignores unknown keys and matches names case-insensitively): an unknown or wrongly cased
/// field, a wrong JSON type (a duration must be integer nanoseconds), a value outside an enum, or a missing
/// field that a docker service job needs (<c>_requiredForDockerServiceJob</c>) is an error.
/// </summary>
public sealed partial class NomadJobSchemaValidator
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    private readonly NomadJobSchema _schema;

    public NomadJobSchemaValidator(NomadJobSchema schema)
    {
        _schema = schema;
    }

    /// <summary>Validates a register body <c>{"Job": …}</c>; returns the errors (empty when valid).</summary>
    public IReadOnlyList<string> ValidateRegisterRequest(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<string>();
        ValidateValue(document.RootElement, "*JobRegisterRequest", "$", errors);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            if (document.RootElement.TryGetProperty("Job", out var job) && job.ValueKind == JsonValueKind.Object)
            {
                CheckDockerServiceJob(job, "$.Job", errors);
            }
            else
            {
                errors.Add("$.Job: required ('Job must be specified')");
            }
        }

        return errors;
    }

    /// <summary>Validates a bare job object; returns the errors (empty when valid).</summary>
    public IReadOnlyList<string> ValidateJob(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new List<string>();
        ValidateValue(document.RootElement, "Job", "$", errors);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            CheckDockerServiceJob(document.RootElement, "$", errors);
        }

        return errors;
    }

    private void ValidateValue(JsonElement value, string type, string path, List<string> errors)
    {
        type = type.Replace(" (omitempty)", string.Empty, StringComparison.Ordinal);
        if (type.StartsWith('*'))
        {
            if (value.ValueKind != JsonValueKind.Null)
            {
                ValidateValue(value, type[1..], path, errors);
            }

            return;
        }

        if (type.StartsWith("[]", StringComparison.Ordinal))
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{path}: expected a JSON array ({type}), found {value.ValueKind}");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                if (item.ValueKind == JsonValueKind.Null)
                {
                    errors.Add($"{itemPath}: null element in {type}");
                    continue;
                }

                ValidateValue(item, type[2..], itemPath, errors);
            }

            return;
        }

        if (type.StartsWith("map[string]", StringComparison.Ordinal))
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: expected a JSON object ({type}), found {value.ValueKind}");
                return;
            }

            var valueType = type["map[string]".Length..];
            foreach (var entry in value.EnumerateObject())
            {
                ValidateValue(entry.Value, valueType, $"{path}[\"{entry.Name}\"]", errors);
            }

            return;
        }

        switch (type)
        {
            case "any":
                return;
            case "string":
                Expect(value, JsonValueKind.String, type, path, errors);
                return;
            case "bytes" or "time":
                if (value.ValueKind != JsonValueKind.Null)
                {
                    Expect(value, JsonValueKind.String, type, path, errors);
                }

                return;
            case "bool":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a JSON boolean ({type}), found {Describe(value)}");
                }

                return;
            case "float64":
                Expect(value, JsonValueKind.Number, type, path, errors);
                return;
            case "duration":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _))
                {
                    errors.Add($"{path}: a duration must be an integer of nanoseconds (e.g. 30000000000 for 30s), found {Describe(value)}");
                }

                return;
            case "int" or "int64" or "int8" or "uint8" or "uint16" or "uint32" or "uint64":
                ValidateInteger(value, type, path, errors);
                return;
        }

        if (!_schema.Structs.TryGetValue(type, out var fields))
        {
            errors.Add($"{path}: schema type '{type}' is not understood by the validator");
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected a JSON object ({type}), found {Describe(value)}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                errors.Add($"{propertyPath}: duplicate field");
            }

            if (!fields.TryGetValue(property.Name, out var fieldType))
            {
                errors.Add($"{propertyPath}: unknown field of {type}{Suggest(property.Name, fields.Keys)}");
                continue;
            }

            ValidateValue(property.Value, fieldType, propertyPath, errors);
            if (property.Value.ValueKind == JsonValueKind.String
                && _schema.Enums.TryGetValue($"{type}.{property.Name}", out var allowed)
                && !allowed.Contains(property.Value.GetString()!))
            {
                errors.Add($"{propertyPath}: '{property.Value.GetString()}' is not one of {string.Join(", ", allowed.Order())}");
            }
        }
    }

    private static void ValidateInteger(JsonElement value, string type, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{path}: expected a JSON integer ({type}), found {Describe(value)}");
            return;
        }

        var (min, max) = type switch
        {
            "int8" => (sbyte.MinValue, sbyte.MaxValue),
            "uint8" => (byte.MinValue, byte.MaxValue),
            "uint16" => (ushort.MinValue, ushort.MaxValue),
            "uint32" => (uint.MinValue, uint.MaxValue),
            "uint64" => (0, long.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (type == "uint64" && value.TryGetUInt64(out _))
        {
            return;
        }

        if (!value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add($"{path}: expected an integer in {min}..{max} ({type}), found {value.GetRawText()}");
        }
    }

    /// <summary>The rules the server (or the docker driver) enforces beyond JSON shape.</summary>
    private static void CheckDockerServiceJob(JsonElement job, string path, List<string> errors)
    {
        var id = GetString(job, "ID");
        if (string.IsNullOrEmpty(id))
        {
            errors.Add($"{path}.ID: required (\"Job ID hasn't been provided\")");
        }
        else if (id.Contains(' ', StringComparison.Ordinal) || id.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add($"{path}.ID: 'Job ID contains a space' (or NUL): '{id}'");
        }

        foreach (var (datacenter, index) in Array(job, "Datacenters").Select((d, i) => (d, i)))
        {
            if (datacenter.ValueKind == JsonValueKind.String && datacenter.GetString()!.Length == 0)
            {
                errors.Add($"{path}.Datacenters[{index}]: empty datacenter");
            }
        }

        var groups = Array(job, "TaskGroups");
        if (groups.Count == 0)
        {
            errors.Add($"{path}.TaskGroups: 'Missing job task groups'");
        }

        var groupNames = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            CheckGroup(groups[g], $"{path}.TaskGroups[{g}]", groupNames, errors);
        }
    }

    private static void CheckGroup(JsonElement group, string path, HashSet<string> groupNames, List<string> errors)
    {
        if (group.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var name = GetString(group, "Name");
        if (string.IsNullOrEmpty(name))
        {
            errors.Add($"{path}.Name: required ('Job task group missing name')");
        }
        else if (!groupNames.Add(name))
        {
            errors.Add($"{path}.Name: duplicate task group '{name}'");
        }

        if (group.TryGetProperty("Count", out var count) && count.ValueKind == JsonValueKind.Number && count.GetInt64() < 0)
        {
            errors.Add($"{path}.Count: must be >= 0");
        }

        var portLabels = new HashSet<string>(StringComparer.Ordinal);
        var networks = Array(group, "Networks");
        for (var n = 0; n < networks.Count; n++)
        {
            foreach (var kind in new[] { "ReservedPorts", "DynamicPorts" })
            {
                var ports = Array(networks[n], kind);
                for (var p = 0; p < ports.Count; p++)
                {
                    var label = GetString(ports[p], "Label") ?? string.Empty;
                    var portPath = $"{path}.Networks[{n}].{kind}[{p}].Label";
                    if (!PortLabel().IsMatch(label))
                    {
                        errors.Add($"{portPath}: '{label}' is not a valid port label ([A-Za-z0-9_]+)");
                    }
                    else if (!portLabels.Add(label))
                    {
                        errors.Add($"{portPath}: duplicate port label '{label}'");
                    }
                }
            }
        }

        var volumeNames = group.TryGetProperty("Volumes", out var volumes) && volumes.ValueKind == JsonValueKind.Object
            ? volumes.EnumerateObject().Select(v => v.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        if (volumes.ValueKind == JsonValueKind.Object)
        {
            foreach (var volume in volumes.EnumerateObject())
            {
                if (string.IsNullOrEmpty(GetString(volume.Value, "Source")))
                {
                    errors.Add($"{path}.Volumes[\"{volume.Name}\"].Source: required");
                }
            }
        }

        CheckServices(group, path, portLabels, errors);

        var tasks = Array(group, "Tasks");
        if (tasks.Count == 0)
        {
            errors.Add($"{path}.Tasks: 'Missing tasks for task group'");
        }

        var taskNames = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < tasks.Count; t++)
        {
            CheckTask(tasks[t], $"{path}.Tasks[{t}]", taskNames, portLabels, volumeNames, errors);
        }
    }

    private static void CheckTask(
        JsonElement task,
        string path,
        HashSet<string> taskNames,
        HashSet<string> portLabels,
        HashSet<string> volumeNames,
        List<string> errors)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var name = GetString(task, "Name");
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || name == "alloc")
        {
            errors.Add($"{path}.Name: required, without '/', not \"alloc\" (found '{name}')");
        }
        else if (!taskNames.Add(name))
        {
            errors.Add($"{path}.Name: duplicate task '{name}'");
        }

        var driver = GetString(task, "Driver");
        if (string.IsNullOrEmpty(driver))
        {
            errors.Add($"{path}.Driver: required ('Missing task driver')");
        }
        else if (driver != "docker")
        {
            errors.Add($"{path}.Driver: expected \"docker\", found '{driver}'");
        }

        if (!task.TryGetProperty("Config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}.Config: required by the docker driver");
        }
        else
        {
            if (string.IsNullOrEmpty(GetString(config, "image")))
            {
                errors.Add($"{path}.Config.image: required by the docker driver");
            }

            foreach (var (label, index) in Array(config, "ports").Select((l, i) => (l, i)))
            {
                if (label.ValueKind != JsonValueKind.String || !portLabels.Contains(label.GetString()!))
                {
                    errors.Add($"{path}.Config.ports[{index}]: {label.GetRawText()} is not a port label of the group network");
                }
            }
        }

        CheckServices(task, path, portLabels, errors);

        var destinations = new HashSet<string>(StringComparer.Ordinal);
        var templates = Array(task, "Templates");
        for (var t = 0; t < templates.Count; t++)
        {
            var templatePath = $"{path}.Templates[{t}]";
            var destination = GetString(templates[t], "DestPath");
            if (string.IsNullOrEmpty(destination))
            {
                errors.Add($"{templatePath}.DestPath: required");
            }
            else if (!destinations.Add(destination))
            {
                errors.Add($"{templatePath}.DestPath: same destination as another template ('{destination}')");
            }

            var hasEmbedded = !string.IsNullOrEmpty(GetString(templates[t], "EmbeddedTmpl"));
            var hasSource = !string.IsNullOrEmpty(GetString(templates[t], "SourcePath"));
            if (hasEmbedded == hasSource)
            {
                errors.Add($"{templatePath}: exactly one of EmbeddedTmpl or SourcePath is required");
            }

            if (GetBool(templates[t], "Envvars") == true && GetString(templates[t], "ChangeMode") == "signal")
            {
                errors.Add($"{templatePath}: Envvars with ChangeMode signal is rejected by Nomad");
            }
        }

        if (task.TryGetProperty("Vault", out var vault) && vault.ValueKind == JsonValueKind.Object
            && vault.TryGetProperty("Policies", out _))
        {
            errors.Add($"{path}.Vault.Policies: dropped since Nomad 1.10 (legacy token workflow); use Role with workload identity");
        }

        var mounts = Array(task, "VolumeMounts");
        for (var m = 0; m < mounts.Count; m++)
        {
            var volume = GetString(mounts[m], "Volume");
            if (volume is null)
            {
                continue;
            }

            if (string.IsNullOrEmpty(GetString(mounts[m], "Destination")))
            {
                errors.Add($"{path}.VolumeMounts[{m}].Destination: required when Volume is set");
            }

            if (!volumeNames.Contains(volume))
            {
                errors.Add($"{path}.VolumeMounts[{m}].Volume: '{volume}' is not a group volume");
            }
        }
    }

    private static void CheckServices(JsonElement owner, string path, HashSet<string> portLabels, List<string> errors)
    {
        var services = Array(owner, "Services");
        for (var s = 0; s < services.Count; s++)
        {
            var servicePath = $"{path}.Services[{s}]";
            var name = GetString(services[s], "Name");
            if (!string.IsNullOrEmpty(name) && !name.Contains("${", StringComparison.Ordinal) && !ServiceName().IsMatch(name))
            {
                errors.Add($"{servicePath}.Name: '{name}' is not a valid service name (RFC 1123 label, <= 63)");
            }

            var portLabel = GetString(services[s], "PortLabel");
            if (!string.IsNullOrEmpty(portLabel) && !int.TryParse(portLabel, CultureInfo.InvariantCulture, out _)
                && !portLabels.Contains(portLabel))
            {
                errors.Add($"{servicePath}.PortLabel: '{portLabel}' is not a port label of the group network");
            }

            var checks = Array(services[s], "Checks");
            for (var c = 0; c < checks.Count; c++)
            {
                var checkPath = $"{servicePath}.Checks[{c}]";
                foreach (var field in new[] { "Interval", "Timeout" })
                {
                    if (!checks[c].TryGetProperty(field, out var duration) || duration.ValueKind != JsonValueKind.Number
                        || duration.GetInt64() < NanosecondsPerSecond)
                    {
                        errors.Add($"{checkPath}.{field}: required, at least 1s (1000000000 ns)");
                    }
                }

                if (GetString(checks[c], "Type") == "http")
                {
                    var checkPathValue = GetString(checks[c], "Path");
                    if (string.IsNullOrEmpty(checkPathValue) || checkPathValue.Contains("://", StringComparison.Ordinal))
                    {
                        errors.Add($"{checkPath}.Path: http checks need a relative path");
                    }
                }
            }
        }
    }

    private static List<JsonElement> Array(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];

    private static string? GetString(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool? GetBool(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            }
            : null;

    private static void Expect(JsonElement value, JsonValueKind kind, string type, string path, List<string> errors)
    {
        if (value.ValueKind != kind)
        {
            errors.Add($"{path}: expected a JSON {kind.ToString().ToLowerInvariant()} ({type}), found {Describe(value)}");
        }
    }

    private static string Describe(JsonElement value) => $"{value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}";

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var exactIgnoringCase = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (exactIgnoringCase is not null)
        {
            return $" (field names are case-sensitive here: did you mean '{exactIgnoringCase}'?)";
        }

        var closest = known
            .Select(k => (Name: k, Distance: Distance(k.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(k => k.Distance)
            .FirstOrDefault();
        return closest.Name is not null && closest.Distance <= Math.Max(2, name.Length / 3)
            ? $" (did you mean '{closest.Name}'?)"
            : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex PortLabel();

    [GeneratedRegex("^(?i:[a-z0-9]|[a-z0-9][a-z0-9\\-]{0,61}[a-z0-9])$")]
    private static partial Regex ServiceName();
}
