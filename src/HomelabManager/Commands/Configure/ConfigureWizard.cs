using HomelabManager.Configuration;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// The interactive questions: <c>homelab.domain</c> (and, for a new file, datacenters and Vault settings), then for
/// each category which provider — the registry's, with their descriptions, or none — and each of its options. A kept
/// provider offers its current values as defaults; a changed one says which keys its old <c>config:</c> loses.
/// </summary>
internal sealed class ConfigureWizard(IAnsiConsole console, IntegrationRegistry registry)
{
    private readonly OptionPrompts _prompts = new(console);

    /// <summary>Asks everything; returns the answers that change something.</summary>
    public IReadOnlyList<ConfigureAnswer> Ask(ConfigureState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var answers = new List<ConfigureAnswer>();
        Homelab(ConfigureKeyKind.Domain, "Base DNS domain (public services get NAME.DOMAIN)", state, answers);
        if (!state.Exists)
        {
            Homelab(ConfigureKeyKind.Datacenters, "Nomad datacenters jobs may run in, comma-separated (* for all)", state, answers, "*");
            var vault = $"Vault: KV mount \"{VaultSettings.DefaultKvMount}\", KV version {VaultSettings.DefaultKvVersion}, role \"{VaultSettings.DefaultRole}\". Change these?";
            if (console.Prompt(new ConfirmationPrompt(Markup.Escape(vault)) { DefaultValue = false }))
            {
                Homelab(ConfigureKeyKind.VaultKvMount, "KV secrets engine mount", state, answers, VaultSettings.DefaultKvMount);
                Homelab(ConfigureKeyKind.VaultKvVersion, "KV secrets engine version (1 or 2)", state, answers, "2");
                Homelab(ConfigureKeyKind.VaultRole, "Vault JWT role of Nomad workloads", state, answers, VaultSettings.DefaultRole);
            }
        }

        var mount = answers.FirstOrDefault(a => a.Key.Kind == ConfigureKeyKind.VaultKvMount)?.Value
            ?? state.HomelabValue(ConfigureKeyKind.VaultKvMount) ?? VaultSettings.DefaultKvMount;
        foreach (var category in IntegrationCategories.All)
        {
            Section(category, state, mount, answers);
        }

        return answers;
    }

    /// <summary>Asks only for <paramref name="missing"/> (a terminal run whose answers left required keys open).</summary>
    public IReadOnlyList<ConfigureAnswer> AskMissing(IReadOnlyList<MissingAnswer> missing, string kvMount)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return [.. missing.Select(m => ConfigureAnswer.Prompted(m.Key, m.Option is null
            ? _prompts.AskHomelab(m.Key.Kind, m.Prompt, null)
            : _prompts.AskOption(m.Key, m.Option, null, Suggestion(kvMount, m.Provider!, m.Option))))];
    }

    private void Homelab(ConfigureKeyKind kind, string question, ConfigureState state, List<ConfigureAnswer> answers, string? fallback = null)
    {
        var current = state.HomelabValue(kind);
        var value = _prompts.AskHomelab(kind, question, current ?? fallback);
        if (value != current && !(current is null && value == fallback))
        {
            answers.Add(ConfigureAnswer.Prompted(new ConfigureKey(kind), value));
        }
    }

    private void Section(IntegrationCategory category, ConfigureState state, string kvMount, List<ConfigureAnswer> answers)
    {
        var key = IntegrationCategories.KeyOf(category);
        var current = state.ProviderOf(category);
        var providers = registry.InCategory(category);
        var choices = new List<string> { AnswerRules.None };
        choices.AddRange(providers.Select(p => p.Name));
        var descriptions = providers.ToDictionary(p => p.Name, p => p.Description, StringComparer.Ordinal);
        var selection = new SelectionPrompt<string>()
            .Title($"[bold]{Markup.Escape(key)}[/]: which provider?")
            .AddChoices(choices)
            .UseConverter(name => name == AnswerRules.None
                ? $"none [grey](no {Markup.Escape(key)})[/]"
                : $"{Markup.Escape(name)} [grey]{Markup.Escape(descriptions[name])}[/]{(name == current ? " [green](current)[/]" : string.Empty)}");
        selection.PageSize = Math.Max(3, choices.Count);
        if (current is not null && choices.Contains(current, StringComparer.Ordinal))
        {
            selection.DefaultValue(current);
        }

        // Without ANSI cursor control (TERM=dumb) a list cannot be drawn: ask for the name instead.
        var chosen = console.Profile.Capabilities.Ansi
            ? console.Prompt(selection)
            : console.Prompt(new TextPrompt<string>($"[bold]{Markup.Escape(key)}[/]: which provider?", StringComparer.Ordinal)
                .AddChoices(choices).DefaultValue(current is not null && choices.Contains(current, StringComparer.Ordinal) ? current : AnswerRules.None));
        var providerKey = new ConfigureKey(ConfigureKeyKind.Provider, category);
        console.MarkupLine($"{Markup.Escape(key)}: [bold]{Markup.Escape(chosen)}[/]");
        if (chosen == AnswerRules.None)
        {
            if (current is not null || state.HasSection(category))
            {
                console.MarkupLine($"[yellow]The {Markup.Escape(key)} section is removed{DroppedText(state, category)}.[/]");
                answers.Add(ConfigureAnswer.Prompted(providerKey, AnswerRules.None));
            }

            return;
        }

        var changes = chosen != current;
        if (changes)
        {
            answers.Add(ConfigureAnswer.Prompted(providerKey, chosen));
            if (state.ConfigKeys(category).Count > 0)
            {
                console.MarkupLine($"[yellow]Switching {Markup.Escape(key)} from {Markup.Escape(current ?? "-")} to {Markup.Escape(chosen)} replaces its config{DroppedText(state, category)}.[/]");
            }
        }

        var provider = registry.Find(category, chosen)!;
        foreach (var option in provider.Options)
        {
            var optionKey = new ConfigureKey(ConfigureKeyKind.Option, category, option.Name);
            var existing = changes ? null : state.ConfigValue(category, option.Name);
            var suggestion = existing is null && option.Required ? Suggestion(kvMount, chosen, option) : null;
            var value = _prompts.AskOption(optionKey, option, existing, suggestion);
            var unchanged = existing is not null ? value == existing : value.Length == 0 || value == option.Default;
            if (!unchanged)
            {
                answers.Add(ConfigureAnswer.Prompted(optionKey, value));
            }
        }
    }

    private static string DroppedText(ConfigureState state, IntegrationCategory category)
    {
        var keys = state.ConfigKeys(category);
        return keys.Count == 0 ? string.Empty : $"; dropped: {Markup.Escape(string.Join(", ", keys))}";
    }

    private static string? Suggestion(string kvMount, string provider, ProviderOption option) => option.Kind != OptionKind.Secret
        ? null
        : option.VaultOnly
            ? AnswerRules.SuggestedReference(kvMount, provider, option)
            : "${" + $"{provider}_{option.Name}".ToUpperInvariant() + "}";
}
