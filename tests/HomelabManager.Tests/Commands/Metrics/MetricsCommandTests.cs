using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Metrics;

/// <summary>The Nomad double reports 3.25 MHz and an RSS of 1486848 bytes (1.4 MiB) for every allocation.</summary>
public sealed class MetricsCommandTests
{
    [RequiresNomadSchemaFact]
    public async Task Table_shows_each_allocation_against_its_reservation()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");

        var result = await lab.RunAsync("metrics");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var rows = result.Out.Split('\n').Where(l => l.TrimStart().StartsWith("web ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        var allocations = lab.Nomad.RunningAllocations("web");
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Contains(allocations[i][..8], rows[i], StringComparison.Ordinal);
            Assert.Contains("3.3 / 200", rows[i], StringComparison.Ordinal);
            Assert.Contains("1.6%", rows[i], StringComparison.Ordinal);
            Assert.Contains("1.4 / 128", rows[i], StringComparison.Ordinal);
            Assert.Contains("1.1%", rows[i], StringComparison.Ordinal);
        }

        Assert.Contains("No running allocations: db, files", result.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task Json_has_used_reserved_and_percent_per_allocation()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web", "db");

        var result = await lab.RunAsync("metrics", "db", "-o", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var allocation = Assert.Single(document.RootElement.GetProperty("allocations").EnumerateArray());
        Assert.Equal("db", allocation.GetProperty("service").GetString());
        Assert.Equal(lab.Nomad.RunningAllocations("db")[0], allocation.GetProperty("allocation").GetString());
        var cpu = allocation.GetProperty("cpu");
        Assert.Equal(3.3, cpu.GetProperty("used").GetDouble());
        Assert.Equal(100, cpu.GetProperty("reserved").GetDouble());
        Assert.Equal(3.3, cpu.GetProperty("percent").GetDouble());
        var memory = allocation.GetProperty("memory");
        Assert.Equal(1.4, memory.GetProperty("used").GetDouble());
        Assert.Equal(300, memory.GetProperty("reserved").GetDouble());
        Assert.Equal(0.5, memory.GetProperty("percent").GetDouble());
        Assert.Empty(document.RootElement.GetProperty("notRunning").EnumerateArray());
    }

    [RequiresNomadSchemaFact]
    public async Task An_allocation_whose_node_does_not_answer_is_reported_and_the_others_still_shown()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");
        lab.Nomad.Faults.Inject("/v1/client/allocation/*", Fault.Status(404, "Unknown node"));

        var result = await lab.RunAsync("metrics", "web");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("unavailable", result.Out, StringComparison.Ordinal);
        Assert.Contains("1.6%", result.Out, StringComparison.Ordinal);
        Assert.Contains("error: no stats for allocation", result.Error, StringComparison.Ordinal);
        Assert.Contains("Unknown node", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
