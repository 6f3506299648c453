using HomelabManager.Clients.Nomad;
using HomelabManager.Jobs;

namespace HomelabManager.Deployment;

/// <summary>One line of a readable plan diff.</summary>
/// <param name="Depth">Nesting level (0 = directly under the job).</param>
/// <param name="Marker"><c>+</c> added, <c>-</c> deleted, <c>~</c> edited.</param>
/// <param name="Text">What changed, e.g. <c>image: "a" =&gt; "b"</c>.</param>
internal sealed record DiffLine(int Depth, char Marker, string Text)
{
    /// <summary>The line indented two spaces per level, with its marker.</summary>
    public override string ToString() => new string(' ', Depth * 2) + Marker + " " + Text;
}

/// <summary>
/// Turns Nomad's plan diff into lines like <c>nomad job plan</c> prints, leaving out homelab-manager's own Meta
/// bookkeeping (hashes, tool and expected versions, restart nonce): they change with every edit and say nothing.
/// </summary>
internal static class PlanDiffText
{
    /// <summary>The visible changes of <paramref name="diff"/> (empty when only bookkeeping changed).</summary>
    public static IReadOnlyList<DiffLine> Lines(NomadJobDiff? diff)
    {
        var lines = new List<DiffLine>();
        if (diff is null || diff.Type == NomadDiffType.None)
        {
            return lines;
        }

        AddFields(lines, diff.Fields, 0);
        AddObjects(lines, diff.Objects, 0);
        foreach (var group in diff.TaskGroups ?? [])
        {
            var inner = new List<DiffLine>();
            AddFields(inner, group.Fields, 2);
            AddObjects(inner, group.Objects, 2);
            foreach (var task in group.Tasks ?? [])
            {
                var taskLines = new List<DiffLine>();
                AddFields(taskLines, task.Fields, 3);
                AddObjects(taskLines, task.Objects, 3);
                if (taskLines.Count > 0 || task.Type is NomadDiffType.Added or NomadDiffType.Deleted)
                {
                    var annotations = task.Annotations is { Count: > 0 } a ? $" ({string.Join(", ", a)})" : string.Empty;
                    inner.Add(new DiffLine(2, Marker(task.Type), $"Task \"{task.Name}\"{annotations}"));
                    inner.AddRange(taskLines);
                }
            }

            if (inner.Count > 0 || group.Type is NomadDiffType.Added or NomadDiffType.Deleted)
            {
                var updates = group.Updates is { Count: > 0 } u
                    ? " (" + string.Join(", ", u.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}")) + ")"
                    : string.Empty;
                lines.Add(new DiffLine(1, Marker(group.Type), $"Task Group \"{group.Name}\"{updates}"));
                lines.AddRange(inner);
            }
        }

        return lines;
    }

    private static void AddObjects(List<DiffLine> lines, IReadOnlyList<NomadObjectDiff>? objects, int depth)
    {
        foreach (var diff in objects ?? [])
        {
            var inner = new List<DiffLine>();
            AddFields(inner, diff.Fields, depth + 1);
            AddObjects(inner, diff.Objects, depth + 1);
            if (inner.Count > 0)
            {
                lines.Add(new DiffLine(depth, Marker(diff.Type), diff.Name));
                lines.AddRange(inner);
            }
        }
    }

    private static void AddFields(List<DiffLine> lines, IReadOnlyList<NomadFieldDiff>? fields, int depth)
    {
        foreach (var field in fields ?? [])
        {
            if (field.Type == NomadDiffType.None || IsBookkeeping(field.Name))
            {
                continue;
            }

            var annotations = field.Annotations is { Count: > 0 } a ? $" ({string.Join(", ", a)})" : string.Empty;
            var text = field.Type switch
            {
                NomadDiffType.Added => $"{field.Name}: \"{field.New}\"",
                NomadDiffType.Deleted => $"{field.Name}: \"{field.Old}\"",
                _ => $"{field.Name}: \"{field.Old}\" => \"{field.New}\"",
            };
            lines.Add(new DiffLine(depth, Marker(field.Type), text + annotations));
        }
    }

    private static bool IsBookkeeping(string name) =>
        name.StartsWith("Meta[", StringComparison.Ordinal) && name.EndsWith(']')
        && name[5..^1] is var key
        && (key == JobMetaKeys.JobHash || key == JobMetaKeys.DefinitionHash || JobMetaKeys.IsBookkeeping(key));

    private static char Marker(string type) => type switch
    {
        NomadDiffType.Added => '+',
        NomadDiffType.Deleted => '-',
        _ => '~',
    };
}
