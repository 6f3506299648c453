using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>
/// Builds a plan's <c>Diff</c> and <c>Annotations</c> the way <c>nomad/structs/diff.go</c> shapes them:
/// primitive fields become <c>FieldDiff</c>s with string values, nested blocks <c>ObjectDiff</c>s,
/// groups and tasks are matched by name, string maps (<c>Meta</c>, <c>Env</c>) become <c>Meta[key]</c>
/// fields. Unchanged parts are left out (non-contextual diff). The exact object naming of the real
/// server is approximated.
/// </summary>
internal static class NomadPlanDiff
{
    private static readonly HashSet<string> ExcludedJobFields =
    [
        "ID", "Status", "StatusDescription", "Version", "Stable", "CreateIndex", "ModifyIndex", "JobModifyIndex", "Update",
        "SubmitTime", "NomadTokenID", "VaultToken", "TaskGroups",
    ];

    private static readonly HashSet<string> FlattenedMaps = ["Meta", "Env"];

    /// <summary>The job diff and the per-group annotations of planning <paramref name="next"/> over <paramref name="current"/>.</summary>
    public static (JsonObject Diff, JsonObject DesiredUpdates) Build(JsonObject? current, bool currentStopped, JsonObject next)
    {
        var id = next["ID"]!.GetValue<string>();
        var fields = new JsonArray();
        var objects = new JsonArray();
        Compare(current, next, fields, objects, ExcludedJobFields);
        if (current is not null && currentStopped)
        {
            fields.Add(Field("Edited", "Stop", "true", "false"));
        }

        var groups = new JsonArray();
        var desired = new JsonObject();
        var currentGroups = Named(current?["TaskGroups"]);
        var nextGroups = Named(next["TaskGroups"]);
        foreach (var (name, group) in nextGroups)
        {
            currentGroups.TryGetValue(name, out var old);
            var count = group["Count"]?.GetValue<long>() ?? 1;
            var (diff, updates) = GroupDiff(name, old, group, count, forceEdit: currentStopped);
            groups.Add(diff);
            desired[name] = updates;
        }

        foreach (var (name, group) in currentGroups.Where(g => !nextGroups.ContainsKey(g.Key)))
        {
            var count = group["Count"]?.GetValue<long>() ?? 1;
            var fieldsOut = new JsonArray();
            var objectsOut = new JsonArray();
            Compare(group, null, fieldsOut, objectsOut, ["Name", "Tasks"]);
            groups.Add(new JsonObject
            {
                ["Type"] = "Deleted", ["Name"] = name, ["Fields"] = NullIfEmpty(fieldsOut), ["Objects"] = NullIfEmpty(objectsOut),
                ["Tasks"] = NullIfEmpty(new JsonArray([.. Named(group["Tasks"]).Select(t => TaskDiff(t.Key, t.Value, null))])),
                ["Updates"] = new JsonObject { ["destroy"] = count },
            });
            desired[name] = Updates(stop: count);
        }

        var type = current is null ? "Added"
            : fields.Count > 0 || objects.Count > 0 || groups.Any(g => g!["Type"]!.GetValue<string>() != "None") ? "Edited"
            : "None";
        var jobDiff = new JsonObject
        {
            ["Type"] = type,
            ["ID"] = id,
            ["Fields"] = NullIfEmpty(fields),
            ["Objects"] = NullIfEmpty(objects),
            ["TaskGroups"] = NullIfEmpty(groups),
        };
        return (jobDiff, desired);
    }

    private static (JsonObject Diff, JsonObject Updates) GroupDiff(string name, JsonObject? old, JsonObject next, long count, bool forceEdit)
    {
        var fields = new JsonArray();
        var objects = new JsonArray();
        Compare(old, next, fields, objects, ["Name", "Tasks"]);
        foreach (var field in fields.Where(f => f!["Name"]!.GetValue<string>() == "Count"))
        {
            var before = long.TryParse(field!["Old"]!.GetValue<string>(), out var b) ? b : 0;
            field["Annotations"] = new JsonArray(count > before ? "forces create" : "forces destroy");
        }

        var tasks = new JsonArray();
        var oldTasks = Named(old?["Tasks"]);
        var nextTasks = Named(next["Tasks"]);
        foreach (var (taskName, task) in nextTasks)
        {
            oldTasks.TryGetValue(taskName, out var oldTask);
            tasks.Add(TaskDiff(taskName, oldTask, task));
        }

        foreach (var (taskName, task) in oldTasks.Where(t => !nextTasks.ContainsKey(t.Key)))
        {
            tasks.Add(TaskDiff(taskName, task, null));
        }

        string type;
        JsonObject updates;
        JsonObject desired;
        if (old is null)
        {
            type = "Added";
            updates = new JsonObject { ["create"] = count };
            desired = Updates(place: count);
        }
        else if (forceEdit || fields.Count > 0 || objects.Count > 0 || tasks.Any(t => t!["Type"]!.GetValue<string>() != "None"))
        {
            type = "Edited";
            updates = new JsonObject { ["create/destroy update"] = count };
            desired = Updates(destructive: count);
        }
        else
        {
            type = "None";
            updates = new JsonObject { ["ignore"] = count };
            desired = Updates(ignore: count);
        }

        return (new JsonObject
        {
            ["Type"] = type,
            ["Name"] = name,
            ["Fields"] = NullIfEmpty(fields),
            ["Objects"] = NullIfEmpty(objects),
            ["Tasks"] = NullIfEmpty(tasks),
            ["Updates"] = updates,
        }, desired);
    }

    private static JsonObject TaskDiff(string name, JsonObject? old, JsonObject? next)
    {
        var fields = new JsonArray();
        var objects = new JsonArray();
        Compare(old, next, fields, objects, ["Name"]);
        var (type, annotation) = (old, next) switch
        {
            (null, _) => ("Added", "forces create"),
            (_, null) => ("Deleted", "forces destroy"),
            _ when fields.Count > 0 || objects.Count > 0 => ("Edited", "forces create/destroy update"),
            _ => ("None", null),
        };
        return new JsonObject
        {
            ["Type"] = type,
            ["Name"] = name,
            ["Fields"] = NullIfEmpty(fields),
            ["Objects"] = NullIfEmpty(objects),
            ["Annotations"] = annotation is null ? null : new JsonArray(annotation),
        };
    }

    /// <summary>Field and object diffs between two objects (either may be null = absent).</summary>
    private static void Compare(JsonObject? old, JsonObject? next, JsonArray fields, JsonArray objects, HashSet<string> excluded)
    {
        var names = (old?.Select(p => p.Key) ?? []).Union(next?.Select(p => p.Key) ?? []).Where(n => !excluded.Contains(n)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = old?[name];
            var after = next?[name];
            if (FlattenedMaps.Contains(name) && (before is JsonObject or null) && (after is JsonObject or null))
            {
                var keys = ((before as JsonObject)?.Select(p => p.Key) ?? []).Union((after as JsonObject)?.Select(p => p.Key) ?? []).Order(StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    AddField(fields, $"{name}[{key}]", before?[key], after?[key]);
                }

                continue;
            }

            if (IsPrimitive(before) && IsPrimitive(after))
            {
                AddField(fields, name, before, after);
            }
            else if (before is JsonArray || after is JsonArray)
            {
                CompareArray(name, before as JsonArray, after as JsonArray, objects);
            }
            else
            {
                var diff = ObjectDiff(name, before as JsonObject, after as JsonObject);
                if (diff is not null)
                {
                    objects.Add(diff);
                }
            }
        }
    }

    private static void CompareArray(string name, JsonArray? before, JsonArray? after, JsonArray objects)
    {
        var element = name.EndsWith('s') ? name[..^1] : name;
        if ((before ?? after)!.All(IsPrimitive))
        {
            // A set of values: each added or removed value is a field named after the list.
            var oldValues = (before ?? []).Select(Text).ToList();
            var newValues = (after ?? []).Select(Text).ToList();
            var fields = new JsonArray();
            foreach (var value in newValues.Except(oldValues))
            {
                fields.Add(Field("Added", name, string.Empty, value));
            }

            foreach (var value in oldValues.Except(newValues))
            {
                fields.Add(Field("Deleted", name, value, string.Empty));
            }

            if (fields.Count > 0)
            {
                objects.Add(new JsonObject
                {
                    ["Type"] = before is null ? "Added" : after is null ? "Deleted" : "Edited",
                    ["Name"] = name,
                    ["Fields"] = fields,
                    ["Objects"] = null,
                });
            }

            return;
        }

        var length = Math.Max(before?.Count ?? 0, after?.Count ?? 0);
        for (var i = 0; i < length; i++)
        {
            var diff = ObjectDiff(element, before is not null && i < before.Count ? before[i] as JsonObject : null, after is not null && i < after.Count ? after[i] as JsonObject : null);
            if (diff is not null)
            {
                objects.Add(diff);
            }
        }
    }

    private static JsonObject? ObjectDiff(string name, JsonObject? before, JsonObject? after)
    {
        if (before is null && after is null)
        {
            return null;
        }

        var fields = new JsonArray();
        var objects = new JsonArray();
        Compare(before, after, fields, objects, []);
        if (fields.Count == 0 && objects.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["Type"] = before is null ? "Added" : after is null ? "Deleted" : "Edited",
            ["Name"] = name,
            ["Fields"] = NullIfEmpty(fields),
            ["Objects"] = NullIfEmpty(objects),
        };
    }

    private static void AddField(JsonArray fields, string name, JsonNode? before, JsonNode? after)
    {
        var oldText = Text(before);
        var newText = Text(after);
        if (oldText == newText)
        {
            return;
        }

        var type = before is null ? "Added" : after is null ? "Deleted" : "Edited";
        fields.Add(Field(type, name, oldText, newText));
    }

    private static JsonObject Field(string type, string name, string old, string @new) => new()
    {
        ["Type"] = type, ["Name"] = name, ["Old"] = old, ["New"] = @new, ["Annotations"] = null,
    };

    private static JsonObject Updates(long ignore = 0, long place = 0, long stop = 0, long destructive = 0) => new()
    {
        ["Ignore"] = ignore, ["Place"] = place, ["Migrate"] = 0, ["Stop"] = stop, ["InPlaceUpdate"] = 0,
        ["DestructiveUpdate"] = destructive, ["Canary"] = 0, ["Preemptions"] = 0, ["Disconnect"] = 0, ["Reconnect"] = 0,
        ["RescheduleNow"] = 0, ["RescheduleLater"] = 0,
    };

    private static bool IsPrimitive(JsonNode? node) => node is null or JsonValue;

    /// <summary>Values as the server renders them: strings as-is, numbers in decimal, booleans lower-case, absent as "".</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static Dictionary<string, JsonObject> Named(JsonNode? array) =>
        (array as JsonArray ?? []).OfType<JsonObject>().ToDictionary(o => o["Name"]?.GetValue<string>() ?? string.Empty, o => o, StringComparer.Ordinal);

    private static JsonArray? NullIfEmpty(JsonArray array) => array.Count == 0 ? null : array;
}
