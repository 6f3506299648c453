using HomelabManager.Commands.Secrets;
using HomelabManager.Secrets;
using Spectre.Console.Testing;

namespace HomelabManager.Tests.Commands.Secrets;

public sealed class SecretValueInputTests
{
    [Fact]
    public void A_terminal_prompt_masks_what_is_typed()
    {
        using var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("typed-secret");

        var value = SecretValueInput.Read(console, TextReader.Null, isTerminal: true, "password in secret/db");

        Assert.Equal("typed-secret", value);
        Assert.Contains("Value of password in secret/db:", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("typed-secret", console.Output, StringComparison.Ordinal);
        Assert.Contains("************", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_input_loses_one_trailing_line_break_only()
    {
        using var console = new TestConsole();

        Assert.Equal("a b\n", SecretValueInput.Read(console, new StringReader("a b\n\n"), isTerminal: false, "k"));
        Assert.Equal("value", SecretValueInput.Read(console, new StringReader("value\r\n"), isTerminal: false, "k"));
        Assert.Throws<SecretUsageException>(() => SecretValueInput.Read(console, new StringReader(string.Empty), isTerminal: false, "k"));
        Assert.Empty(console.Output);
    }
}
