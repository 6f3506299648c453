using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;

namespace HomelabManager.Tests.Commands;

public class ValidateCommandTests
{
    [Fact]
    public async Task The_example_homelab_is_valid()
    {
        var result = await CliRunner.RunInAsync(RepositoryPaths.Root, null, "validate", "--dir", "examples/homelab");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Contains("7 services are valid", result.Out, StringComparison.Ordinal);
        // nextcloud:latest is verbatim from the spec: a warning with its position and caret.
        Assert.Contains("examples/homelab/services/nextcloud/service.hcl:10:13: warning: Image tag not pinned", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_of_every_file_are_printed_together_with_source_line_and_caret()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", "homelab:\n  domian: lab.example.com\n")
            .Service("web", "service {\n  name = \"web\"\n  container {\n    imgae = \"nginx:1.27\"\n  }\n}\n")
            .Service("db", "service {\n  name = \"db\"\n  container { image = \"postgres:16\" }\n  count = \"two\"\n}\n");
        var before = lab.Files().ToList();

        var result = await CliRunner.RunInAsync(lab.Directory, null, "validate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("homelab.yaml:2:3: error:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"domain\"?", result.Error, StringComparison.Ordinal);
        Assert.Contains("services/web/service.hcl:4:5: error: Unsupported argument", result.Error, StringComparison.Ordinal);
        Assert.Contains("      imgae = \"nginx:1.27\"\n      ^^^^^", result.Error, StringComparison.Ordinal);
        Assert.Contains("services/db/service.hcl:4:11: error: Incorrect attribute value type", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, lab.Files());
    }

    [Fact]
    public async Task Json_output_is_a_machine_readable_report()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", "service {\n  name = \"web\"\n  container { image = \"nginx\" }\n  colour = 1\n}\n");

        var result = await CliRunner.RunInAsync(lab.Directory, null, "validate", "--output", "json");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(1, report.RootElement.GetProperty("errors").GetInt32());
        var diagnostics = report.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        var error = Assert.Single(diagnostics, d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("HCL501", error.GetProperty("code").GetString());
        Assert.Equal(Path.Combine("services", "web", "service.hcl"), error.GetProperty("file").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "HLM214");
    }

    [Fact]
    public async Task Duplicate_names_and_host_ports_across_services_name_both_files()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("a", "service {\n  name = \"a\"\n  container {\n    image = \"nginx:1.27\"\n    ports = [{ internal = 80, external = 8080 }]\n  }\n}\n")
            .Service("b", "service {\n  name = \"a\"\n  container { image = \"nginx:1.27\" }\n}\n")
            .Service("c", "service {\n  name = \"c\"\n  container {\n    image = \"nginx:1.27\"\n    ports = [{ internal = 81, external = 8080 }]\n  }\n}\n");

        var result = await CliRunner.RunInAsync(lab.Directory, null, "validate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("services/b/service.hcl:2:10: error: Duplicate service name", result.Error, StringComparison.Ordinal);
        Assert.Contains("also defined in services/a/service.hcl:2:10", result.Error, StringComparison.Ordinal);
        Assert.Contains("services/c/service.hcl:5:14: error: External port already in use", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_homelab_yaml_is_an_error_and_a_folder_without_definition_a_note()
    {
        using var lab = new TempHomelab().Write(Path.Combine("services", "empty", "README.md"), "nothing here");

        var result = await CliRunner.RunInAsync(lab.Directory, null, "validate");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("homelab.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains("note: Folder ignored", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_variable_is_an_error_only_where_it_is_used()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", "homelab:\n  domain: ${LAB_DOMAIN}\nreverse_proxy:\n  provider: traefik\n  config:\n    acme_email: ${UNUSED_EMAIL}\n");

        var missing = await CliRunner.RunInAsync(lab.Directory, null, "validate");
        Assert.Equal(ExitCodes.InvalidInput, missing.ExitCode);
        Assert.Contains("LAB_DOMAIN", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("UNUSED_EMAIL", missing.Error, StringComparison.Ordinal);

        var set = await CliRunner.RunInAsync(lab.Directory, new Dictionary<string, string> { ["LAB_DOMAIN"] = "lab.example.org" }, "validate");
        Assert.Equal(ExitCodes.Ok, set.ExitCode);
    }
}
