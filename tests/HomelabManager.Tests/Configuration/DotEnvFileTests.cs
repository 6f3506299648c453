using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Tests.Configuration;

public class DotEnvFileTests
{
    private static (DotEnvFile File, DiagnosticBag Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag();
        return (DotEnvFile.Parse(new SourceText(".env", text), diagnostics), diagnostics);
    }

    private static string Value(DotEnvFile file, string name) =>
        file.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"{name} not set");

    [Fact]
    public void Reads_plain_lines_comments_blank_lines_and_export()
    {
        var (file, diagnostics) = Parse("# comment\n\nA=1\n  export B=two words  \nexport\tC=3\r\nD=\n");
        Assert.Empty(diagnostics);
        Assert.Equal("1", Value(file, "A"));
        Assert.Equal("two words", Value(file, "B"));
        Assert.Equal("3", Value(file, "C"));
        Assert.Equal(string.Empty, Value(file, "D"));
        Assert.Equal(4, file.Names.Count);
    }

    [Fact]
    public void Spaces_around_the_equals_sign_are_allowed()
    {
        var (file, diagnostics) = Parse("KEY = value\n");
        Assert.Empty(diagnostics);
        Assert.Equal("value", Value(file, "KEY"));
    }

    [Fact]
    public void Inline_comment_needs_whitespace_before_the_hash()
    {
        var (file, _) = Parse("A=value # comment\nB=pass#word\nC=#notacomment\n");
        Assert.Equal("value", Value(file, "A"));
        Assert.Equal("pass#word", Value(file, "B"));
        Assert.Equal("#notacomment", Value(file, "C"));
    }

    [Fact]
    public void Single_quotes_are_literal()
    {
        var (file, diagnostics) = Parse("A='it has # and ${X} and \\n'  # comment\nB=''\n");
        Assert.Empty(diagnostics);
        Assert.Equal("it has # and ${X} and \\n", Value(file, "A"));
        Assert.Equal(string.Empty, Value(file, "B"));
    }

    [Fact]
    public void Double_quotes_understand_escapes_and_may_span_lines()
    {
        var (file, diagnostics) = Parse("A=\"line1\\nline2\\t\\\"q\\\" \\\\ \\$ \\x\"\nB=\"first\nsecond\"\nC=after\n");
        Assert.Empty(diagnostics);
        Assert.Equal("line1\nline2\t\"q\" \\ $ \\x", Value(file, "A"));
        Assert.Equal("first\nsecond", Value(file, "B"));
        Assert.Equal("after", Value(file, "C"));
    }

    [Fact]
    public void Value_may_contain_equals_signs()
    {
        var (file, _) = Parse("TOKEN=abc==\n");
        Assert.Equal("abc==", Value(file, "TOKEN"));
    }

    [Theory]
    [InlineData("not a line\n", 1, 5)]
    [InlineData("=value\n", 1, 1)]
    [InlineData("A=1\n1BAD=x\n", 2, 1)]
    [InlineData("A=1\nKEY-NAME=x\n", 2, 1)]
    [InlineData("A=1\n  NOEQUALS\n", 2, 11)]
    [InlineData("A=1\nB='unterminated\nC=3\n", 2, 3)]
    [InlineData("A=1\nB=\"unterminated\n", 2, 3)]
    [InlineData("A='x' trailing\n", 1, 7)]
    public void Malformed_line_is_reported_at_its_line_and_column(string text, int line, int column)
    {
        var (_, diagnostics) = Parse(text);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("HLM130", diagnostic.Code);
        Assert.Equal(line, diagnostic.Range.Start.Line);
        Assert.Equal(column, diagnostic.Range.Start.Column);
    }

    [Fact]
    public void Malformed_lines_are_skipped_and_parsing_continues()
    {
        var (file, diagnostics) = Parse("GOOD=1\nBAD LINE\nALSO_GOOD=2\n");
        Assert.Single(diagnostics);
        Assert.Equal("1", Value(file, "GOOD"));
        Assert.Equal("2", Value(file, "ALSO_GOOD"));
    }

    [Fact]
    public void Duplicate_key_warns_and_the_last_definition_wins()
    {
        var (file, diagnostics) = Parse("A=first\nB=x\nA=second\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("HLM131", diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(3, diagnostic.Range.Start.Line);
        Assert.Contains("line 1", diagnostic.Detail, StringComparison.Ordinal);
        Assert.Equal("second", Value(file, "A"));
    }

    [Fact]
    public void Diagnostics_never_contain_values()
    {
        var (_, diagnostics) = Parse("SECRET='hunter2-secret' junk\nTOKEN=\"s3cr3t-value\nOTHER=1\n");
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.DoesNotContain("hunter2", diagnostic.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", diagnostic.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_file_is_empty_and_not_an_error()
    {
        var diagnostics = new DiagnosticBag();
        var file = DotEnvFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), ".env"), diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(file.Names);
    }

    [Fact]
    public void Empty_and_comment_only_files_define_nothing()
    {
        Assert.Empty(Parse(string.Empty).File.Names);
        Assert.Empty(Parse("# only\n   \n\t\n").File.Names);
    }
}
