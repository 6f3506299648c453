using HomelabManager.Cli;

namespace HomelabManager.Tests.Cli;

/// <summary>Runs the CLI in-process with captured output and a controlled environment.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunInAsync(string currentDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = environment ?? new Dictionary<string, string>();
        var host = new CliHost(output, error, name => variables.TryGetValue(name, out var value) ? value : null, currentDirectory, OutIsTerminal: false);
        var exitCode = await HomelabCli.RunAsync(args, host);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunInAsync(Directory.GetCurrentDirectory(), null, args);
}

internal sealed record CliResult(int ExitCode, string Out, string Error);
