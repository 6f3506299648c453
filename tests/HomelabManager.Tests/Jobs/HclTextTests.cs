using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Tests.Jobs;

public sealed class HclTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\dir", "\"C:\\\\dir\"")]
    [InlineData("${USER}", "\"$${USER}\"")]
    [InlineData("%{ if x }", "\"%%{ if x }\"")]
    [InlineData("$${x}", "\"$$${x}\"")]
    [InlineData("cost $5 and 100%", "\"cost $5 and 100%\"")]
    [InlineData("a\nb\tc\r", "\"a\\nb\\tc\\r\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void Quote_escapes_for_hcl(string value, string expected)
    {
        Assert.Equal(expected, HclText.Quote(value));
    }

    [Fact]
    public void Multi_line_text_becomes_an_escaped_heredoc()
    {
        Assert.Equal("<<EOT\nA=\"${B}\"\nEOT", HclText.QuoteOrHeredoc("A=\"${B}\"\n").Replace("$${", "${", StringComparison.Ordinal));
        Assert.Equal("<<EOT\nA=$${B}\nEOT", HclText.QuoteOrHeredoc("A=${B}\n"));
    }

    [Theory]
    [InlineData("no final newline")]
    [InlineData("EOT\n")]
    [InlineData("carriage\r\n")]
    public void Text_a_heredoc_cannot_hold_is_quoted(string value)
    {
        Assert.Equal(HclText.Quote(value), HclText.QuoteOrHeredoc(value));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(2_000_000_000, "2s")]
    [InlineData(300_000_000_000, "5m")]
    [InlineData(5_400_000_000_000, "1h30m")]
    [InlineData(1_500_000_000, "1s500ms")]
    [InlineData(1_001, "1us1ns")]
    public void Durations_render_in_go_syntax(long nanoseconds, string expected)
    {
        Assert.Equal(expected, new NomadDuration(nanoseconds).ToString());
    }

    [Fact]
    public void Meta_with_non_identifier_keys_renders_as_an_object()
    {
        var job = new NomadJob
        {
            Id = "x",
            Name = "x",
            Type = "service",
            TaskGroups = [],
            Meta = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["a.b"] = "1", ["c"] = "2" },
        };

        Assert.Contains("meta = { \"a.b\" = \"1\", \"c\" = \"2\" }", NomadJobHclWriter.Write(job), StringComparison.Ordinal);
    }
}
