using Spectre.Console;

namespace HomelabManager.Cli;

/// <summary>Creates Spectre consoles over plain writers, with colour only where it belongs.</summary>
public static class ConsoleFactory
{
    /// <summary>A console writing to <paramref name="writer"/>; no ANSI codes with <paramref name="noColor"/> or when not a terminal.</summary>
    public static IAnsiConsole Create(TextWriter writer, bool noColor, bool isTerminal)
    {
        var plain = noColor || !isTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            // Redirected output is read by programs and people in pagers: never wrap it.
            console.Profile.Width = int.MaxValue / 4;
        }

        return console;
    }
}
