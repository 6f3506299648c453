using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// One Spectre prompt per kind of answer. Every prompt validates with <see cref="AnswerRules"/> and asks again on bad
/// input; secrets are typed masked and never shown, not even as the default.
/// </summary>
internal sealed class OptionPrompts(IAnsiConsole console)
{
    /// <summary>Asks a homelab key; <paramref name="current"/> is kept on Enter.</summary>
    public string AskHomelab(ConfigureKeyKind kind, string question, string? current)
    {
        var prompt = new TextPrompt<string>($"{Markup.Escape(question)} [grey]({new ConfigureKey(kind).Text})[/]")
            .Validate(value => Result(AnswerRules.HomelabProblem(kind, value.Trim())));
        if (current is not null)
        {
            prompt.DefaultValue(current);
        }

        return console.Prompt(prompt).Trim();
    }

    /// <summary>Asks one provider option; <paramref name="current"/> (else the option's default) is kept on Enter.</summary>
    /// <param name="key">The option's key, shown beside the question.</param>
    /// <param name="option">The option.</param>
    /// <param name="current">Its value in the file, when the provider stays.</param>
    /// <param name="suggestion">For a required secret not yet set: the reference offered on Enter.</param>
    public string AskOption(ConfigureKey key, ProviderOption option, string? current, string? suggestion)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(option);
        var label = $"{Markup.Escape(option.Prompt)} [grey]({Markup.Escape(key.Text)})[/]";
        if (option.Kind == OptionKind.Secret)
        {
            return AskSecret(label, option, current, suggestion);
        }

        var fallback = current ?? option.Default;
        var prompt = new TextPrompt<string>(label, StringComparer.Ordinal);
        var choices = option.Kind switch
        {
            OptionKind.Enum => option.AllowedValues,
            OptionKind.Bool => ["true", "false"],
            _ => [],
        };
        if (choices.Count > 0 && fallback is not null && choices.Contains(fallback, StringComparer.Ordinal))
        {
            prompt.AddChoices(choices).InvalidChoiceMessage($"[red]Choose one of: {Markup.Escape(string.Join(", ", choices))}[/]");
        }

        prompt.Validate(value => Result(AnswerRules.OptionProblem(option, value)));
        if (fallback is not null)
        {
            prompt.DefaultValue(fallback);
        }
        else if (!option.Required)
        {
            prompt.AllowEmpty();
        }

        return console.Prompt(prompt);
    }

    private string AskSecret(string label, ProviderOption option, string? current, string? suggestion)
    {
        var forms = option.VaultOnly ? "vault:PATH#KEY" : "${VARIABLE} or vault:PATH#KEY";
        var enter = current is not null ? "; Enter keeps the current reference"
            : suggestion is not null ? $"; Enter: {suggestion}"
            : "; Enter: not set";
        var prompt = new TextPrompt<string>($"{label} [grey]{Markup.Escape(forms + enter)}[/]", StringComparer.Ordinal)
            .Secret()
            .HideDefaultValue()
            .Validate(value => Result(AnswerRules.OptionProblem(option, value)));
        if ((current ?? suggestion) is { } fallback)
        {
            prompt.DefaultValue(fallback);
        }
        else
        {
            prompt.AllowEmpty();
        }

        return console.Prompt(prompt);
    }

    private static ValidationResult Result(string? problem) =>
        problem is null ? ValidationResult.Success() : ValidationResult.Error($"[red]{Markup.Escape(problem)}[/]");
}
