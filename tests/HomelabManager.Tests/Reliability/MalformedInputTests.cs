using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.Commands;

namespace HomelabManager.Tests.Reliability;

/// <summary>
/// Every malformed input of <see cref="MalformedServiceCases"/> and <see cref="MalformedHomelabCases"/> through the
/// real CLI entry point: <c>validate</c> gives the expected first error at its exact line and column, exits 2,
/// prints no stack trace and sends no request; a spread of them does the same for <c>deploy</c> and <c>plan</c>
/// against the Nomad, Consul and Vault doubles, whose request logs stay empty.
/// </summary>
public sealed class MalformedInputTests(SilentCluster cluster) : IClassFixture<SilentCluster>
{
    private static readonly Dictionary<string, MalformedInput> Cases =
        MalformedServiceCases.All.Concat(MalformedHomelabCases.All).ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> All => [.. Cases.Keys];

    /// <summary>Every seventh case, so each kind of input is represented once or twice.</summary>
    public static TheoryData<string> Online => [.. Cases.Keys.Where((_, i) => i % 7 == 0)];

    [Fact]
    public void There_are_at_least_100_cases_with_unique_names_across_both_file_kinds()
    {
        Assert.True(Cases.Count >= 100, $"{Cases.Count} cases");
        Assert.True(MalformedServiceCases.All.Count >= 50);
        Assert.True(MalformedHomelabCases.All.Count >= 40);
        Assert.Equal(MalformedServiceCases.All.Count + MalformedHomelabCases.All.Count, Cases.Count);
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Validate_reports_the_first_error_at_its_exact_position_and_exits_2(string name)
    {
        var input = Cases[name];
        using var lab = new TempHomelab();
        input.WriteTo(lab);

        var result = await CliRunner.RunInAsync(lab.Directory, cluster.Environment, "validate", "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, $"exit {result.ExitCode}\n{result.Out}{result.Error}");
        AssertNoStackTrace(result);
        var first = FirstError(result.Out, input.File);
        Assert.Equal((input.Code, input.Line, input.Column), first);
        Assert.Empty(cluster.Requests);
    }

    [Theory]
    [MemberData(nameof(Online))]
    public async Task Deploy_and_plan_stop_with_the_same_diagnostic_before_any_request(string name)
    {
        var input = Cases[name];
        using var lab = new TempHomelab();
        input.WriteTo(lab);
        var expected = $"{input.File}:{input.Line}:{input.Column}: error: ";

        var deploy = await CliRunner.RunInAsync(lab.Directory, cluster.Environment, "deploy", "--yes");
        var plan = await CliRunner.RunInAsync(lab.Directory, cluster.Environment, "plan");
        var detailed = await CliRunner.RunInAsync(lab.Directory, cluster.Environment, "plan", "--detailed-exitcode");

        Assert.True(deploy.ExitCode == ExitCodes.InvalidInput, $"exit {deploy.ExitCode}\n{deploy.Out}{deploy.Error}");
        Assert.Equal(ExitCodes.InvalidInput, plan.ExitCode);
        Assert.Equal(ExitCodes.Failure, detailed.ExitCode);
        foreach (var result in new[] { deploy, plan, detailed })
        {
            AssertNoStackTrace(result);
            var line = result.Error.Split('\n').FirstOrDefault(l => l.StartsWith(expected, StringComparison.Ordinal));
            Assert.True(line is not null, $"no \"{expected}\" in\n{result.Error}");
            Assert.EndsWith($"[{input.Code}]", line.TrimEnd(), StringComparison.Ordinal);
        }

        Assert.Empty(cluster.Requests);
    }

    [Fact]
    public async Task A_variable_only_deploy_uses_stops_it_naming_the_variable_and_its_line_before_any_request()
    {
        // validate accepts it (a placeholder only has to be set where its value is used); deploy uses it.
        using var lab = new TempHomelab()
            .Write("homelab.yaml", MalformedInput.Yaml + "dns:\n  provider: cloudflare\n  config:\n    api_token: ${CF_TOKEN_UNSET}\n    zone: example.com\n    target: 203.0.113.7\n")
            .Write(MalformedInput.ServicePath, MalformedInput.ValidService);

        var deploy = await CliRunner.RunInAsync(lab.Directory, cluster.Environment, "deploy", "--yes");

        // Exit 1, not 2: the DNS provider reads its token only when deploy sets up the DNS sync.
        Assert.True(deploy.ExitCode == ExitCodes.Failure, $"exit {deploy.ExitCode}\n{deploy.Out}{deploy.Error}");
        Assert.Contains("homelab.yaml:6:16: error: Variable \"CF_TOKEN_UNSET\" is not set", deploy.Error, StringComparison.Ordinal);
        AssertNoStackTrace(deploy);
        Assert.Empty(cluster.Requests);
    }

    /// <summary>The code, line and column of the first error reported for <paramref name="file"/>.</summary>
    private static (string Code, int Line, int Column) FirstError(string json, string file)
    {
        using var report = JsonDocument.Parse(json);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        var errors = report.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error" && d.GetProperty("file").GetString() == file)
            .ToList();
        Assert.True(errors.Count > 0, $"no error in {file}:\n{json}");
        return (errors[0].GetProperty("code").GetString()!, errors[0].GetProperty("line").GetInt32(), errors[0].GetProperty("column").GetInt32());
    }

    private static void AssertNoStackTrace(CliResult result)
    {
        var text = result.Out + result.Error;
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
    }
}
