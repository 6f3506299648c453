using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Configure;

/// <summary>
/// <c>configure</c>: asks (in a terminal) or takes (<c>--set</c>, <c>--answers</c>) the providers and settings of
/// <c>homelab.yaml</c>, checks every answer with the providers' own rules, and edits the file in place — comments and
/// untouched keys stay as they are — atomically with mode 0600, only when the result passes <c>validate</c>.
/// </summary>
internal static class ConfigureCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="promptConsole">Where questions are asked (tests); default: a console on the terminal.</param>
    /// <param name="registry">The providers offered; default: the program's registry.</param>
    public static Command Create(CliContext context, Func<CommandEnvironment, IAnsiConsole>? promptConsole = null, IntegrationRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var set = new Option<string[]>("--set")
        {
            Description = "Answer one key without asking: homelab.domain=…, CATEGORY.provider=NAME|none, CATEGORY.config.OPTION=VALUE (repeatable; empty VALUE unsets an option)",
            AllowMultipleArgumentsPerToken = false,
        };
        var answers = new Option<string?>("--answers")
        {
            Description = "A file of KEY=VALUE lines (same keys as --set; '#' comments and blank lines skipped; --set wins)",
        };
        var command = new Command("configure", "Choose the integration providers and settings of homelab.yaml (asks in a terminal; --set/--answers otherwise); edits the file keeping your comments")
        {
            set,
            answers,
        };
        context.SetAction(command, (parseResult, environment) =>
        {
            var request = new ConfigureRequest(parseResult.GetValue(set) ?? [], parseResult.GetValue(answers));
            var prompts = promptConsole ?? DefaultPromptConsole;
            return new ConfigureRun(environment, registry ?? IntegrationRegistry.Default, () => prompts(environment)).Execute(request);
        });
        return command;
    }

    /// <summary>
    /// The terminal the questions go to (standard error with <c>--output json</c>). Colour follows <c>NO_COLOR</c>, but
    /// ANSI cursor control stays on: the provider list needs it.
    /// </summary>
    private static IAnsiConsole DefaultPromptConsole(CommandEnvironment environment)
    {
        var noColor = !string.IsNullOrEmpty(environment.Host.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Detect,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(environment.Output == OutputFormat.Json ? environment.Host.Error : environment.Host.Out),
        });
    }
}
