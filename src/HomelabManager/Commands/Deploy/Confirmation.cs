using HomelabManager.Cli;
using Spectre.Console;

namespace HomelabManager.Commands.Deploy;

/// <summary>Yes/no questions, asked only when standard input is a terminal (never in scripts or CI).</summary>
internal static class Confirmation
{
    /// <summary>True when a prompt can be shown: stdin is a terminal, output is text and <c>--yes</c> was not given.</summary>
    public static bool CanAsk(CommandEnvironment environment, bool yes)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !yes && environment.Host.InIsTerminal && environment.Output == OutputFormat.Text;
    }

    /// <summary>Asks <paramref name="question"/>; only <c>y</c>/<c>yes</c> is a yes.</summary>
    public static bool Ask(CommandEnvironment environment, string question)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.Console.Markup(Markup.Escape(question) + " [[y/N]] ");
        var answer = environment.Host.In.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
