using System.CommandLine;

namespace HomelabManager.Cli;

/// <summary>The options every command accepts (SPEC §3, "Global").</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--dir</c>: the homelab folder.</summary>
    public Option<string?> Directory { get; } = new("--dir", "-d")
    {
        Description = "The homelab folder (default: the current folder)",
        Recursive = true,
    };

    /// <summary><c>--output</c>: text or json.</summary>
    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: text or json",
        HelpName = "text|json",
        Recursive = true,
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            switch (token.ToLowerInvariant())
            {
                case "text":
                    return OutputFormat.Text;
                case "json":
                    return OutputFormat.Json;
                default:
                    result.AddError($"'{token}' is not an output format; use text or json.");
                    return OutputFormat.Text;
            }
        },
    };

    /// <summary><c>--no-color</c>: plain output (also when NO_COLOR is set).</summary>
    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Disable colour (also when the NO_COLOR environment variable is set)",
        Recursive = true,
    };

    /// <summary><c>-v</c>: more detail, e.g. request traces (secrets redacted).</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print more detail (tokens and secrets are always redacted)",
        Recursive = true,
    };

    /// <summary>Adds every global option to the root command.</summary>
    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Directory);
        root.Add(Output);
        root.Add(NoColor);
        root.Add(Verbose);
    }
}
