using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Commands.Configure;
using HomelabManager.Configuration;
using HomelabManager.Integrations;
using HomelabManager.Tests.Cli;
using Spectre.Console.Testing;

namespace HomelabManager.Tests.Commands.Configure;

/// <summary>Runs <c>configure</c> in-process: prompts answered through a <see cref="TestConsole"/>, stdin a terminal or not.</summary>
internal static class ConfigureHarness
{
    public static string ExampleYaml => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "homelab", "homelab.yaml"));

    /// <summary>Runs with stdin not a terminal (no prompts possible).</summary>
    public static Task<CliResult> RunAsync(string directory, params string[] args) => RunAsync(directory, null, args);

    /// <summary>Runs; with <paramref name="console"/>, stdin is a terminal and the prompts go to it.</summary>
    public static async Task<CliResult> RunAsync(string directory, TestConsole? console, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new CliHost(output, error, _ => null, directory, OutIsTerminal: false) { InIsTerminal = console is not null };
        var options = new GlobalOptions();
        var context = new CliContext(host, options, new ClusterOptions());
        var root = new RootCommand("test");
        options.AddTo(root);
        root.Add(ConfigureCommand.Create(context, console is null ? null : _ => console, IntegrationRegistry.Default));
        var parse = root.Parse(["configure", .. args]);
        Assert.Empty(parse.Errors);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A terminal console whose keys are pushed by the test.</summary>
    public static TestConsole Terminal()
    {
        var console = new TestConsole().Interactive();
        console.Profile.Width = 200;
        return console;
    }

    /// <summary>Selects <paramref name="provider"/> (or "none") in a category's list, starting from <paramref name="current"/>.</summary>
    public static void Choose(TestConsole console, IntegrationCategory category, string provider, string? current = null)
    {
        var choices = new List<string> { "none" };
        choices.AddRange(IntegrationRegistry.Default.InCategory(category).Select(p => p.Name));
        var from = current is null ? 0 : choices.IndexOf(current);
        var to = choices.IndexOf(provider);
        Assert.True(to >= 0, $"no {category} provider {provider}");
        for (var i = from; i < to; i++)
        {
            console.Input.PushKey(ConsoleKey.DownArrow);
        }

        for (var i = to; i < from; i++)
        {
            console.Input.PushKey(ConsoleKey.UpArrow);
        }

        console.Input.PushKey(ConsoleKey.Enter);
    }

    /// <summary>Answers every option of <paramref name="provider"/>: the given texts where named, Enter elsewhere.</summary>
    public static void AnswerOptions(TestConsole console, IntegrationCategory category, string provider, params (string Option, string[] Typed)[] typed)
    {
        var options = IntegrationRegistry.Default.Find(category, provider)!.Options;
        foreach (var option in options)
        {
            var answer = typed.FirstOrDefault(t => t.Option == option.Name);
            if (answer.Typed is null)
            {
                console.Input.PushKey(ConsoleKey.Enter);
                continue;
            }

            foreach (var text in answer.Typed)
            {
                console.Input.PushTextWithEnter(text);
            }
        }
    }
}
