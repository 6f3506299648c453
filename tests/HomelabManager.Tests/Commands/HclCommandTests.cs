using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;

namespace HomelabManager.Tests.Commands;

public class HclCommandTests
{
    [Fact]
    public async Task Json_prints_the_hcl_json_form()
    {
        using var temp = new TempHomelab().Write("job.hcl", "job \"web\" {\n  group \"g\" {\n    count = 2\n    meta = { a = \"${x}\" }\n  }\n}\n");

        var result = await CliRunner.RunInAsync(temp.Directory, null, "hcl", "json", "job.hcl");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var group = document.RootElement.GetProperty("job").GetProperty("web")[0].GetProperty("group").GetProperty("g")[0];
        Assert.Equal(2, group.GetProperty("count").GetInt32());
        Assert.Equal("${x}", group.GetProperty("meta").GetProperty("a").GetString());
    }

    [Fact]
    public async Task Invalid_input_prints_diagnostics_and_exits_two()
    {
        using var temp = new TempHomelab().Write("bad.hcl", "a { b = \"foo\", c = \"bar\" }\n");

        var result = await CliRunner.RunInAsync(temp.Directory, null, "hcl", "json", "bad.hcl");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("bad.hcl:1:14: error:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Missing_file_is_a_usage_error()
    {
        var result = await CliRunner.RunInAsync(Path.GetTempPath(), null, "hcl", "json", "does-not-exist.hcl");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }
}
