using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.FileSystem;
using HomelabManager.Nodes.NixOs;
using Spectre.Console;

namespace HomelabManager.Commands.Node;

/// <summary>
/// <c>node nixos [--out FILE] [--check FILE]</c>: the NixOS module a Nomad client node needs for the
/// homelab's jobs (firewall ports, Docker, docker driver settings), offline.
/// </summary>
internal static class NodeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("node", "Configuration for the nodes that run the homelab's jobs (offline)");
        command.Add(CreateNixOs(context));
        return command;
    }

    private static Command CreateNixOs(CliContext context)
    {
        var output = new Option<string?>("--out")
        {
            Description = "Write the module to this file (atomically) instead of printing it",
            HelpName = "FILE",
        };
        var check = new Option<string?>("--check")
        {
            Description = "Exit 1 when this file differs from the module that would be generated, 0 when equal",
            HelpName = "FILE",
        };
        var command = new Command("nixos", "Print or write the NixOS module a Nomad client node needs: firewall ports, Docker, docker driver settings") { output, check };
        command.Validators.Add(result =>
        {
            if (result.GetResult(output) is not null && result.GetResult(check) is not null)
            {
                result.AddError("--out and --check cannot be used together.");
            }
        });
        context.SetAction(command, (parseResult, environment) =>
        {
            var built = HomelabInput.LoadJobs(environment);
            if (built is null)
            {
                return ExitCodes.InvalidInput;
            }

            var module = NixOsModuleGenerator.Generate(built.Homelab.Configuration, built.Definitions, NixOsWireGuard.ServerOf(built.Integrations));
            if (parseResult.GetValue(check) is { } checkFile)
            {
                return Check(Path.GetFullPath(checkFile, environment.Host.CurrentDirectory), module, environment);
            }

            if (parseResult.GetValue(output) is { } outFile)
            {
                var path = Path.GetFullPath(outFile, environment.Host.CurrentDirectory);
                if (Path.GetDirectoryName(path) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                AtomicFile.WriteAllText(path, module);
                if (environment.Output == OutputFormat.Text)
                {
                    environment.Console.MarkupLine($"wrote [bold]{Markup.Escape(environment.Relative(path))}[/]");
                }

                return ExitCodes.Ok;
            }

            environment.RawOut.Write(module);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Check(string path, string module, CommandEnvironment environment)
    {
        var shown = environment.Relative(path);
        if (!File.Exists(path))
        {
            environment.ErrorConsole.MarkupLine($"[red]{Markup.Escape(shown)} does not exist;[/] write it with: homelab-manager node nixos --out {Markup.Escape(shown)}");
            return ExitCodes.Failure;
        }

        var existing = File.ReadAllText(path);
        if (string.Equals(existing, module, StringComparison.Ordinal))
        {
            if (environment.Output == OutputFormat.Text)
            {
                environment.Console.MarkupLine($"{Markup.Escape(shown)} is up to date");
            }

            return ExitCodes.Ok;
        }

        environment.ErrorConsole.MarkupLine($"[red]{Markup.Escape(shown)} is out of date[/] (- in the file, + generated):");
        foreach (var line in LineDiff.Hint(existing, module))
        {
            environment.ErrorConsole.WriteLine(line);
        }

        environment.ErrorConsole.MarkupLine($"regenerate with: homelab-manager node nixos --out {Markup.Escape(shown)}");
        return ExitCodes.Failure;
    }
}
