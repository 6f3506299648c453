using System.Text.Json;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Plan;

/// <summary>How DNS record changes are shown by plan and deploy.</summary>
internal static class DnsChangeView
{
    /// <summary>The kind word in output and JSON.</summary>
    public static string Name(ExternalChangeKind kind) => kind switch
    {
        ExternalChangeKind.Create => "create",
        ExternalChangeKind.Update => "update",
        ExternalChangeKind.Delete => "delete",
        _ => "conflict",
    };

    /// <summary>"DNS record changes" with one line per change; nothing when there are none.</summary>
    public static void WriteText(IAnsiConsole console, string title, IReadOnlyList<ExternalChange> changes)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        console.MarkupLine($"{Markup.Escape(title)}:");
        foreach (var change in changes)
        {
            var (marker, colour) = change.Kind switch
            {
                ExternalChangeKind.Create => ('+', "green"),
                ExternalChangeKind.Update => ('~', "yellow"),
                ExternalChangeKind.Delete => ('-', "red"),
                _ => ('x', "red"),
            };
            console.MarkupLine($"[{colour}]{marker} {Markup.Escape(change.Resource)}[/]  {Name(change.Kind)}: {Markup.Escape(change.Detail)}");
        }
    }

    /// <summary>Counts per kind, e.g. <c>1 create, 1 conflict</c>.</summary>
    public static string Summary(IReadOnlyList<ExternalChange> changes) =>
        string.Join(", ", Enum.GetValues<ExternalChangeKind>()
            .Select(k => (Kind: k, Count: changes.Count(c => c.Kind == k)))
            .Where(k => k.Count > 0)
            .Select(k => $"{k.Count} {Name(k.Kind)}"));

    /// <summary>The changes as a JSON array property named <paramref name="property"/>.</summary>
    public static void WriteJson(Utf8JsonWriter json, string property, IReadOnlyList<ExternalChange> changes)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(changes);
        json.WriteStartArray(property);
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("action", Name(change.Kind));
            json.WriteString("resource", change.Resource);
            json.WriteString("detail", change.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
