using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// Checks answers against the registry and the current file and turns them into a <see cref="ConfigurePlan"/>.
/// Every bad answer is a diagnostic at the answer; required keys neither answered nor in the file are listed.
/// </summary>
internal sealed class ConfigurePlanner(IntegrationRegistry registry)
{
    /// <summary>Plans <paramref name="answers"/> over <paramref name="state"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public (ConfigurePlan Plan, IReadOnlyList<MissingAnswer> Missing) Plan(ConfigureState state, IReadOnlyList<ConfigureAnswer> answers, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var homelab = new Dictionary<ConfigureKeyKind, string>();
        foreach (var answer in answers.Where(a => a.Key.Kind is not (ConfigureKeyKind.Provider or ConfigureKeyKind.Option)))
        {
            if (AnswerRules.HomelabProblem(answer.Key.Kind, answer.Value) is { } problem)
            {
                diagnostics.Add(ConfigureDiagnostics.InvalidValue(answer.Path, answer.ValueRange, answer.Key.Text, problem));
            }
            else
            {
                homelab[answer.Key.Kind] = answer.Value.Trim();
            }
        }

        var missing = new List<MissingAnswer>();
        if (!homelab.ContainsKey(ConfigureKeyKind.Domain) && state.HomelabValue(ConfigureKeyKind.Domain) is null
            && !answers.Any(a => a.Key.Kind == ConfigureKeyKind.Domain))
        {
            missing.Add(new MissingAnswer(new ConfigureKey(ConfigureKeyKind.Domain), null, null));
        }

        var sections = new List<SectionPlan>();
        foreach (var category in IntegrationCategories.All)
        {
            var section = PlanSection(state, category, [.. answers.Where(a => a.Key.Kind is ConfigureKeyKind.Provider or ConfigureKeyKind.Option && a.Key.Category == category)],
                diagnostics, missing);
            if (section is not null)
            {
                sections.Add(section);
            }
        }

        return (new ConfigurePlan(homelab, sections), missing);
    }

    private SectionPlan? PlanSection(ConfigureState state, IntegrationCategory category, List<ConfigureAnswer> answers, DiagnosticBag diagnostics, List<MissingAnswer> missing)
    {
        var oldName = state.ProviderOf(category);
        var newName = oldName;
        var valid = true;
        if (answers.LastOrDefault(a => a.Key.Kind == ConfigureKeyKind.Provider) is { } providerAnswer)
        {
            var chosen = providerAnswer.Value.Trim();
            if (chosen == AnswerRules.None)
            {
                newName = null;
            }
            else if (registry.Find(category, chosen) is not null)
            {
                newName = chosen;
            }
            else
            {
                var names = registry.InCategory(category).Select(p => p.Name).Append(AnswerRules.None).ToList();
                var suggestion = HomelabManager.Hcl.Schema.Suggestions.ClosestMatch(chosen, names);
                diagnostics.Add(ConfigureDiagnostics.InvalidValue(providerAnswer.Path, providerAnswer.ValueRange, providerAnswer.Key.Text,
                    (suggestion is null ? string.Empty : $"Did you mean \"{suggestion}\"? ") + $"Choose one of {string.Join(", ", names.Select(n => "\"" + n + "\""))}."));
                valid = false;
            }
        }

        var optionAnswers = answers.Where(a => a.Key.Kind == ConfigureKeyKind.Option).ToList();
        if (!valid)
        {
            return null;
        }

        var provider = newName is null ? null : registry.Find(category, newName);
        if (provider is null)
        {
            foreach (var answer in optionAnswers)
            {
                diagnostics.Add(ConfigureDiagnostics.NoProvider(answer.Path, answer.KeyRange, category));
            }

            var hadSection = oldName is not null || state.HasSection(category);
            return newName is null && hadSection && answers.Count > 0
                ? new SectionPlan(category, oldName, null, [], [.. state.ConfigKeys(category).Select(k => $"{IntegrationCategories.KeyOf(category)}.config.{k}")])
                : null;
        }

        var changes = !string.Equals(oldName, newName, StringComparison.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in optionAnswers)
        {
            var option = provider.Options.FirstOrDefault(o => o.Name == answer.Key.Option);
            if (option is null)
            {
                diagnostics.Add(ConfigureDiagnostics.UnknownKey(answer.Path, answer.KeyRange, answer.Key.Text,
                    provider.Options.Select(o => $"{IntegrationCategories.KeyOf(category)}.config.{o.Name}")));
            }
            else if (AnswerRules.OptionProblem(option, answer.Value) is { } problem)
            {
                diagnostics.Add(ConfigureDiagnostics.InvalidValue(answer.Path, answer.ValueRange, answer.Key.Text, problem));
            }
            else
            {
                values[option.Name] = answer.Value;
            }
        }

        foreach (var option in provider.Options.Where(o => o.Required))
        {
            var answered = values.TryGetValue(option.Name, out var value) ? value.Length > 0 : (bool?)null;
            var kept = !changes && state.ConfigValue(category, option.Name) is not null;
            var failed = optionAnswers.Any(a => a.Key.Option == option.Name) && !values.ContainsKey(option.Name);
            if (answered != true && !(answered is null && kept) && !failed)
            {
                missing.Add(new MissingAnswer(new ConfigureKey(ConfigureKeyKind.Option, category, option.Name), option, provider.Name));
            }
        }

        if (!changes && values.Count == 0)
        {
            return null;
        }

        var ordered = provider.Options.Where(o => values.ContainsKey(o.Name)).Select(o => new KeyValuePair<string, string>(o.Name, values[o.Name])).ToList();
        var dropped = changes ? state.ConfigKeys(category).Select(k => $"{IntegrationCategories.KeyOf(category)}.config.{k}").ToList() : [];
        return new SectionPlan(category, oldName, newName, ordered, dropped);
    }
}
