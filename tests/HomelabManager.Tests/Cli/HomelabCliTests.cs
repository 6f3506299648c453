using HomelabManager.Cli;
using Spectre.Console;

namespace HomelabManager.Tests.Cli;

public class HomelabCliTests
{
    [Fact]
    public async Task Version_prints_the_tool_version_and_exits_zero()
    {
        var result = await CliRunner.RunAsync("--version");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(ToolVersion.Current, result.Out.Trim());
    }

    [Fact]
    public async Task Help_lists_the_global_options()
    {
        var result = await CliRunner.RunAsync("--help");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("--no-color", result.Out, StringComparison.Ordinal);
        Assert.Contains("--dir", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error_with_exit_code_two()
    {
        var result = await CliRunner.RunAsync("frobnicate");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_output_format_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("--output", "yaml", "--version");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Fact]
    public void Console_without_terminal_or_with_no_color_writes_no_escape_codes()
    {
        using var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, noColor: true, isTerminal: true);
        console.MarkupLine("[red]error:[/] boom");
        Assert.Equal("error: boom", writer.ToString().TrimEnd());
        Assert.DoesNotContain('\u001b', writer.ToString());
    }
}
