using System.CommandLine;
using HomelabManager.Cli;
using HomelabManager.Hcl.Json;
using HomelabManager.Hcl.Parsing;
using HomelabManager.Hcl.Text;
using Spectre.Console;

namespace HomelabManager.Commands.Hcl;

/// <summary><c>hcl json FILE</c>: print an HCL file in HCL's JSON form (the shape HashiCorp's hcl2json produces).</summary>
internal static class HclCommand
{
    /// <summary>The largest file converted.</summary>
    private const long MaxFileBytes = 64 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The HCL file to convert" };
        var json = new Command("json", "Print an HCL file as HCL-JSON; on invalid input print diagnostics and exit 2") { file };
        context.SetAction(json, (parseResult, environment) =>
        {
            var path = parseResult.GetValue(file)!;
            var full = Path.GetFullPath(path, environment.Host.CurrentDirectory);
            if (!File.Exists(full))
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(path)}: no such file.");
                return ExitCodes.InvalidInput;
            }

            if (new FileInfo(full).Length > MaxFileBytes)
            {
                environment.ErrorConsole.MarkupLine($"[red]error:[/] {Markup.Escape(path)} is larger than {MaxFileBytes / 1024 / 1024} MiB.");
                return ExitCodes.InvalidInput;
            }

            var source = new SourceText(path, File.ReadAllText(full));
            var parse = HclParser.ParseFile(source);
            var converted = parse.HasErrors ? null : HclJson.Convert(parse.Body, source);
            var diagnostics = converted is null ? parse.Diagnostics : [.. parse.Diagnostics, .. converted.Diagnostics];
            if (converted is null || diagnostics.Any(d => d.IsError))
            {
                var sources = new SourceCache(environment.Host.CurrentDirectory);
                sources.Add(source);
                new DiagnosticReporter(environment, sources).Report(diagnostics);
                return ExitCodes.InvalidInput;
            }

            environment.RawOut.WriteLine(converted.Json);
            return ExitCodes.Ok;
        });

        return new Command("hcl", "Work with HCL files") { json };
    }
}
