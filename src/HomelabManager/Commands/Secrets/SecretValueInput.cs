using HomelabManager.Secrets;
using Spectre.Console;

namespace HomelabManager.Commands.Secrets;

/// <summary>
/// Reads the value for <c>secrets set</c>: from a terminal with a prompt that echoes nothing but masks, or
/// from piped standard input (one trailing line break removed). Never from the command line, where it would
/// land in shell history and process lists.
/// </summary>
internal static class SecretValueInput
{
    /// <summary>Reads the value; throws <see cref="SecretUsageException"/> when it is empty.</summary>
    /// <param name="prompt">The console to prompt on when <paramref name="isTerminal"/>.</param>
    /// <param name="input">Piped standard input.</param>
    /// <param name="isTerminal">True when standard input is a terminal.</param>
    /// <param name="label">What is asked for, e.g. <c>admin_password for secret/nextcloud</c>.</param>
    public static string Read(IAnsiConsole prompt, TextReader input, bool isTerminal, string label)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(input);
        string value;
        if (isTerminal)
        {
            value = prompt.Prompt(new TextPrompt<string>($"Value of {Markup.Escape(label)}:").Secret().AllowEmpty());
        }
        else
        {
            value = input.ReadToEnd();
            if (value.EndsWith('\n'))
            {
                value = value[..^1];
                if (value.EndsWith('\r'))
                {
                    value = value[..^1];
                }
            }
        }

        return value.Length > 0
            ? value
            : throw new SecretUsageException(isTerminal
                ? "no value entered; nothing was written"
                : "no value on standard input; pipe it in, e.g. printf %s \"$VALUE\" | homelab-manager secrets set PATH KEY");
    }
}
