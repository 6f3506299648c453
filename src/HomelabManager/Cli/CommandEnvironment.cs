using System.CommandLine;
using Spectre.Console;

namespace HomelabManager.Cli;

/// <summary>
/// What a running command gets: the resolved global settings and its consoles. Styled output goes
/// through <see cref="Console"/>; machine output (JSON, rendered files) through <see cref="RawOut"/>,
/// untouched by markup or wrapping.
/// </summary>
internal sealed class CommandEnvironment
{
    private CommandEnvironment(CliHost host, string directory, OutputFormat output, bool noColor, bool verbose)
    {
        Host = host;
        Directory = directory;
        Output = output;
        Verbose = verbose;
        Console = ConsoleFactory.Create(host.Out, noColor, host.OutIsTerminal);
        ErrorConsole = ConsoleFactory.Create(host.Error, noColor, host.OutIsTerminal);
    }

    /// <summary>The process the command runs in.</summary>
    public CliHost Host { get; }

    /// <summary>The absolute homelab folder (<c>--dir</c>, or the current folder).</summary>
    public string Directory { get; }

    /// <summary>The chosen output format.</summary>
    public OutputFormat Output { get; }

    /// <summary>True with <c>-v</c>.</summary>
    public bool Verbose { get; }

    /// <summary>Styled standard output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Styled standard error.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Unstyled standard output for machine-readable text.</summary>
    public TextWriter RawOut => Host.Out;

    /// <summary>Resolves the global options of a parse result.</summary>
    public static CommandEnvironment From(ParseResult parseResult, GlobalOptions options, CliHost host)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        var directory = parseResult.GetValue(options.Directory);
        var fullDirectory = Path.GetFullPath(string.IsNullOrEmpty(directory) ? "." : directory, host.CurrentDirectory);
        var noColor = parseResult.GetValue(options.NoColor) || !string.IsNullOrEmpty(host.GetEnvironmentVariable("NO_COLOR"));
        return new CommandEnvironment(
            host,
            fullDirectory,
            parseResult.GetValue(options.Output),
            noColor,
            parseResult.GetValue(options.Verbose));
    }

    /// <summary>A path relative to the homelab folder, for messages.</summary>
    public string Relative(string path) => System.IO.Path.GetRelativePath(Host.CurrentDirectory, path);
}
