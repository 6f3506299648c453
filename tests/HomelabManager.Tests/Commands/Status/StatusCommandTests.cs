using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Doubles;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands.Status;

public sealed class StatusCommandTests
{
    [RequiresNomadSchemaFact]
    public async Task Table_shows_deployed_services_with_health_url_and_image_and_the_rest_as_not_deployed()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");

        var result = await lab.RunAsync("status");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var web = Row(result.Out, "web");
        Assert.Contains("running", web, StringComparison.Ordinal);
        Assert.Contains("2/2", web, StringComparison.Ordinal);
        Assert.Contains("2 passing", web, StringComparison.Ordinal);
        Assert.Contains("https://web.lab.example.com", web, StringComparison.Ordinal);
        Assert.Contains("nginx:1.27", web, StringComparison.Ordinal);
        var files = Row(result.Out, "files");
        Assert.Contains("not deployed", files, StringComparison.Ordinal);
        Assert.Contains("https://cloud.lab.example.com", files, StringComparison.Ordinal);
        Assert.Contains("nextcloud:29", files, StringComparison.Ordinal);
        Assert.Contains("not deployed", Row(result.Out, "db"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [RequiresNomadSchemaFact]
    public async Task Json_reports_status_allocations_health_url_and_image()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web", "db");

        var result = await lab.RunAsync("status", "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        using var document = JsonDocument.Parse(result.Out);
        var services = document.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        var web = services["web"];
        Assert.Equal("running", web.GetProperty("status").GetString());
        Assert.True(web.GetProperty("deployed").GetBoolean());
        Assert.Equal(0UL, web.GetProperty("version").GetUInt64());
        Assert.Equal(2, web.GetProperty("allocations").GetProperty("running").GetInt32());
        Assert.Equal(2, web.GetProperty("allocations").GetProperty("desired").GetInt32());
        Assert.Equal(2, web.GetProperty("health").GetProperty("passing").GetInt32());
        Assert.Equal(0, web.GetProperty("health").GetProperty("critical").GetInt32());
        Assert.Equal("https://web.lab.example.com", web.GetProperty("url").GetString());
        Assert.Equal("nginx:1.27", web.GetProperty("image").GetString());
        Assert.Equal(JsonValueKind.Null, services["db"].GetProperty("url").ValueKind);
        Assert.Equal(1, services["db"].GetProperty("allocations").GetProperty("running").GetInt32());
        Assert.Equal("not deployed", services["files"].GetProperty("status").GetString());
        Assert.False(services["files"].GetProperty("deployed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, services["files"].GetProperty("health").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("consulError").ValueKind);
    }

    [RequiresNomadSchemaFact]
    public async Task A_managed_job_without_definition_shows_as_not_in_homelab_unless_services_are_named()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web", "db");
        File.Delete(Path.Combine(lab.Homelab.Directory, "services", "db", "service.hcl"));

        var all = await lab.RunAsync("status");
        var named = await lab.RunAsync("status", "web");

        Assert.True(all.ExitCode == ExitCodes.Ok, all.Error);
        Assert.Contains("not in homelab", Row(all.Out, "db"), StringComparison.Ordinal);
        Assert.True(named.ExitCode == ExitCodes.Ok, named.Error);
        Assert.DoesNotContain("db", named.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("files", named.Out, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task An_unknown_service_is_a_usage_error_with_a_suggestion()
    {
        await using var lab = await OperationsLab.StartAsync();

        var result = await lab.RunAsync("status", "wbe");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no service named \"wbe\"", result.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"web\"?", result.Error, StringComparison.Ordinal);
        Assert.Empty(lab.Nomad.Requests.All);
    }

    [RequiresNomadSchemaFact]
    public async Task When_Consul_is_down_the_table_still_shows_Nomad_and_the_command_fails()
    {
        await using var lab = await OperationsLab.StartAsync();
        await lab.DeployAsync("web");
        lab.Environment["CONSUL_HTTP_ADDR"] = OperationsLab.ClosedAddress();

        var result = await lab.RunAsync("status");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("2/2", Row(result.Out, "web"), StringComparison.Ordinal);
        Assert.Contains("unavailable", Row(result.Out, "web"), StringComparison.Ordinal);
        Assert.Contains("error: Consul health is unavailable: Consul API: GET /v1/health/service/web: connection failed", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [RequiresNomadSchemaFact]
    public async Task A_Nomad_fault_is_a_clear_message_and_exit_1_without_a_stack_trace()
    {
        await using var lab = await OperationsLab.StartAsync();
        lab.Nomad.Faults.Inject("/v1/jobs", Fault.Status(403, "Permission denied"));

        var result = await lab.RunAsync("status");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("error: Nomad API: GET /v1/jobs?meta=true: HTTP 403: Permission denied", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    /// <summary>The table line of a service (first cell).</summary>
    internal static string Row(string table, string service) =>
        table.Split('\n').Single(line => line.TrimStart().StartsWith(service + " ", StringComparison.Ordinal));
}
