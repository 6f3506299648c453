using HomelabManager.Clients.Http;

namespace HomelabManager.Cli;

/// <summary>
/// Everything the program takes from its process: output writers, environment and working folder.
/// Tests pass their own; this is the whole test seam of the CLI.
/// </summary>
internal sealed record CliHost(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    string CurrentDirectory,
    bool OutIsTerminal)
{
    /// <summary>How API clients retry and trace; tests shorten the backoff. Null: the defaults.</summary>
    public ApiClientOptions? ApiOptions { get; init; }

    /// <summary>Standard input, for confirmations; null: none (never prompt).</summary>
    public TextReader? In { get; init; }

    /// <summary>True when standard input is a terminal a person can answer prompts on.</summary>
    public bool InIsTerminal { get; init; }

    /// <summary>The real process: console writers, process environment, current folder.</summary>
    public static CliHost FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory,
        !Console.IsOutputRedirected)
    {
        In = Console.In,
        InIsTerminal = !Console.IsInputRedirected,
    };
}
