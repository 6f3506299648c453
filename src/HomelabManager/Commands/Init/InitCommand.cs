using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.FileSystem;
using Spectre.Console;

namespace HomelabManager.Commands.Init;

/// <summary><c>init [DIR]</c>: scaffold a homelab folder with a commented example service. Never overwrites.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Folder to create the homelab in (default: --dir or the current folder)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("init", "Create a starter homelab: homelab.yaml, .env.example and an example service") { directory };
        context.SetAction(command, (parseResult, environment) =>
        {
            var given = parseResult.GetValue(directory);
            var target = given is null ? environment.Directory : Path.GetFullPath(given, environment.Host.CurrentDirectory);
            var existing = ScaffoldFile.All.Where(f => File.Exists(Path.Combine(target, f.RelativePath))).ToList();
            if (existing.Count > 0)
            {
                foreach (var file in existing)
                {
                    environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(environment.Relative(Path.Combine(target, file.RelativePath)))} already exists; init never overwrites files.");
                }

                return ExitCodes.InvalidInput;
            }

            foreach (var file in ScaffoldFile.All)
            {
                var path = Path.Combine(target, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                AtomicFile.WriteAllText(path, file.Read(), file.Secret ? AtomicFile.OwnerReadWrite : null);
                environment.Console.MarkupLine($"created [bold]{Markup.Escape(environment.Relative(path))}[/]");
            }

            var shown = environment.Relative(target);
            environment.Console.MarkupLine($"""

                Next: set homelab.domain in homelab.yaml, then
                  homelab-manager validate --dir {Markup.Escape(shown)}
                  homelab-manager render --dir {Markup.Escape(shown)} --format hcl
                """);
            return ExitCodes.Ok;
        });
        return command;
    }
}
