using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.FileSystem;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using Spectre.Console;

namespace HomelabManager.Commands.Render;

/// <summary>
/// <c>render [SERVICE…] [--out DIR] [--format json|hcl]</c>: the Nomad jobs deploy would submit,
/// offline. JSON is exactly the register payload; HCL is a readable jobspec for review.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Argument<string[]>("SERVICE")
        {
            Description = "Services to render (default: all)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write one file per job into this folder instead of printing",
        };
        var format = new Option<RenderFormat>("--format", "-f")
        {
            Description = "json (what is sent to Nomad) or hcl (a readable jobspec)",
            HelpName = "json|hcl",
            DefaultValueFactory = _ => RenderFormat.Json,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "json";
                if (token.Equals("json", StringComparison.OrdinalIgnoreCase))
                {
                    return RenderFormat.Json;
                }

                if (token.Equals("hcl", StringComparison.OrdinalIgnoreCase))
                {
                    return RenderFormat.Hcl;
                }

                result.AddError($"'{token}' is not a render format; use json or hcl.");
                return RenderFormat.Json;
            },
        };
        var command = new Command("render", "Print or write the Nomad jobs deploy would submit (offline)") { services, output, format };
        context.SetAction(command, (parseResult, environment) =>
        {
            var desired = HomelabInput.Select(environment, parseResult.GetValue(services) ?? []);
            if (desired is null)
            {
                return ExitCodes.InvalidInput;
            }

            var jobs = desired.Jobs.Select(j => j.Job).ToList();
            var chosenFormat = parseResult.GetValue(format);
            var outDirectory = parseResult.GetValue(output);
            if (outDirectory is null)
            {
                Print(jobs, chosenFormat, environment);
                return ExitCodes.Ok;
            }

            var directory = Path.GetFullPath(outDirectory, environment.Host.CurrentDirectory);
            Write(jobs, chosenFormat, directory, environment);
            if (desired.IsWholeHomelab && desired.Integrations is { } integrations)
            {
                WriteFiles(integrations.Files, directory, environment);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(NomadJob job, RenderFormat format) => format == RenderFormat.Json
        ? NomadJobJson.Serialize(new NomadJobRegisterRequest { Job = job }) + "\n"
        : NomadJobHclWriter.Write(job);

    private static void Print(List<NomadJob> jobs, RenderFormat format, CommandEnvironment environment)
    {
        for (var i = 0; i < jobs.Count; i++)
        {
            if (i > 0 && format == RenderFormat.Hcl)
            {
                environment.RawOut.WriteLine();
            }

            environment.RawOut.Write(Text(jobs[i], format));
        }
    }

    /// <summary>
    /// The integrations' own files (e.g. the WireGuard server config template) under their relative paths; sensitive
    /// ones with mode 0600. They hold references (consul-template Vault reads), never secret values.
    /// </summary>
    private static void WriteFiles(IReadOnlyList<Integrations.RenderedFile> files, string directory, CommandEnvironment environment)
    {
        var root = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        foreach (var rendered in files)
        {
            var file = Path.GetFullPath(rendered.Path, directory);
            if (!file.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"an integration file path leaves the output folder: {rendered.Path}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            AtomicFile.WriteAllText(file, rendered.Content, rendered.Sensitive ? AtomicFile.OwnerReadWrite : null);
            if (environment.Output == OutputFormat.Text)
            {
                environment.Console.MarkupLine($"wrote [bold]{Markup.Escape(environment.Relative(file))}[/]");
            }
        }
    }

    private static void Write(List<NomadJob> jobs, RenderFormat format, string directory, CommandEnvironment environment)
    {
        Directory.CreateDirectory(directory);
        var extension = format == RenderFormat.Json ? ".nomad.json" : ".nomad.hcl";
        foreach (var job in jobs)
        {
            var file = Path.Combine(directory, job.Id + extension);
            AtomicFile.WriteAllText(file, Text(job, format));
            if (environment.Output == OutputFormat.Text)
            {
                environment.Console.MarkupLine($"wrote [bold]{Markup.Escape(environment.Relative(file))}[/]");
            }
        }
    }
}
