using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;
using HomelabManager.Integrations;
using Spectre.Console;

namespace HomelabManager.Commands.Configure;

/// <summary>One run of <c>configure</c>: read, ask or take answers, plan, edit, check, write, report.</summary>
internal sealed class ConfigureRun(CommandEnvironment environment, IntegrationRegistry registry, Func<IAnsiConsole> prompts)
{
    private readonly SourceCache _sources = new(environment.Host.CurrentDirectory);

    /// <summary>Runs; returns the exit code.</summary>
    public int Execute(ConfigureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new DiagnosticBag();
        var state = ConfigureState.Load(environment.Directory, diagnostics);
        var answers = ReadAnswers(request, diagnostics);
        if (state is null || diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }

        var interactive = environment.Host.InIsTerminal;
        if (interactive && !request.HasAnswers)
        {
            answers.AddRange(new ConfigureWizard(prompts(), registry).Ask(state));
        }

        var planner = new ConfigurePlanner(registry);
        var (plan, missing) = planner.Plan(state, answers, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Fail(diagnostics);
        }

        if (missing.Count > 0)
        {
            if (!interactive)
            {
                diagnostics.AddRange(missing.Select(m => ConfigureDiagnostics.MissingAnswer(m.Key.Text, m.Prompt)));
                return Fail(diagnostics);
            }

            var mount = state.HomelabValue(ConfigureKeyKind.VaultKvMount) ?? VaultSettings.DefaultKvMount;
            answers.AddRange(new ConfigureWizard(prompts(), registry).AskMissing(missing, mount));
            diagnostics = new DiagnosticBag();
            (plan, _) = planner.Plan(state, answers, diagnostics);
            if (diagnostics.HasErrors)
            {
                return Fail(diagnostics);
            }
        }

        string text;
        try
        {
            text = ConfigureEdits.Apply(state, plan);
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            diagnostics.Add(ConfigureDiagnostics.CannotEdit(state.Path, ex.Message));
            return Fail(diagnostics);
        }

        var source = new SourceText(state.Path, text);
        _sources.Add(source);
        var check = ConfigureCheck.Check(environment.Directory, source, new HostVariables(environment.Host), registry);
        if (check.Any(d => d.IsError))
        {
            diagnostics.AddRange(check);
            return Fail(diagnostics);
        }

        var written = !state.Exists || text != state.Text;
        if (written)
        {
            HomelabConfigurationFile.Save(environment.Directory, text);
        }

        if (check.Count > 0 && environment.Output == OutputFormat.Text)
        {
            new DiagnosticReporter(environment, _sources).Report(check);
        }

        Report(state, plan, text, written);
        return ExitCodes.Ok;
    }

    private List<ConfigureAnswer> ReadAnswers(ConfigureRequest request, DiagnosticBag diagnostics)
    {
        var answers = new List<ConfigureAnswer>();
        if (request.AnswersFile is { } file)
        {
            var path = Path.GetFullPath(file, environment.Host.CurrentDirectory);
            try
            {
                var parsed = AnswerParser.ParseFile(environment.Relative(path), File.ReadAllText(path), registry, diagnostics);
                _sources.Add(parsed.Display);
                answers.AddRange(parsed.Answers);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(ConfigureDiagnostics.AnswersUnreadable(environment.Relative(path), ex.Message));
            }
        }

        if (request.Set.Count > 0)
        {
            var parsed = AnswerParser.ParseArguments(request.Set, registry, diagnostics);
            _sources.Add(parsed.Display);
            answers.AddRange(parsed.Answers);
        }

        return answers;
    }

    private int Fail(DiagnosticBag diagnostics)
    {
        new DiagnosticReporter(environment, _sources).Report(diagnostics);
        if (environment.Output == OutputFormat.Text)
        {
            environment.ErrorConsole.MarkupLine($"[red]{Markup.Escape(HomelabConfigurationLoader.FileName)} was not changed.[/]");
        }

        return ExitCodes.InvalidInput;
    }

    private void Report(ConfigureState before, ConfigurePlan plan, string text, bool written)
    {
        // What differs between the file before and after: an answer equal to what the file already says is no change.
        var after = ConfigureState.FromText(before.Path, text);
        var changed = plan.Homelab.Keys.Order()
            .Where(k => !string.Equals(before.HomelabValue(k), after.HomelabValue(k), StringComparison.Ordinal))
            .Select(k => new ConfigureKey(k).Text)
            .ToList();
        foreach (var section in plan.Sections)
        {
            var key = IntegrationCategories.KeyOf(section.Category);
            if (section.NewProvider is null)
            {
                changed.Add(key);
                continue;
            }

            if (section.ProviderChanges)
            {
                changed.Add($"{key}.provider");
            }

            changed.AddRange(section.Values
                .Where(v => !string.Equals(before.ConfigValue(section.Category, v.Key), after.ConfigValue(section.Category, v.Key), StringComparison.Ordinal))
                .Select(v => $"{key}.config.{v.Key}"));
        }

        var providers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in IntegrationCategories.All)
        {
            if (after.ProviderOf(category) is { } name)
            {
                providers[IntegrationCategories.KeyOf(category)] = name;
            }
        }

        var report = new ConfigureReport(environment.Relative(before.Path), written, !before.Exists, providers, changed, [.. plan.Dropped]);
        if (environment.Output == OutputFormat.Json)
        {
            environment.RawOut.WriteLine(JsonSerializer.Serialize(report, ConfigureJsonContext.Default.ConfigureReport));
            return;
        }

        var console = environment.Console;
        foreach (var dropped in report.Dropped)
        {
            console.MarkupLine($"[yellow]dropped[/] {Markup.Escape(dropped)}");
        }

        var summary = providers.Count == 0 ? "no integrations" : string.Join(", ", providers.Select(p => $"{p.Key}: {p.Value}"));
        var keys = changed.Count == 1 ? "1 key" : $"{changed.Count} keys";
        console.MarkupLine(written
            ? $"[green]✓[/] {(report.Created ? "created" : "updated")} {Markup.Escape(report.File)} ({Markup.Escape(summary)}; {keys} changed)"
            : $"[green]✓[/] {Markup.Escape(report.File)} already has these settings ({Markup.Escape(summary)}); nothing written");
    }
}
