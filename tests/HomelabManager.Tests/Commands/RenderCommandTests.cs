using System.Text.Json;
using HomelabManager.Cli;
using HomelabManager.Tests.Cli;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Commands;

public class RenderCommandTests
{
    /// <summary>The example's seven services, then the infrastructure jobs of its auth and reverse-proxy providers.</summary>
    internal static readonly string[] ExampleJobIds =
        ["jellyfin", "nextcloud", "pihole", "plex", "postgres", "uptime-kuma", "vaultwarden", "authelia", "traefik"];

    private static async Task<CliResult> RenderExample(params string[] args) =>
        await CliRunner.RunInAsync(RepositoryPaths.Root, null, ["render", "--dir", "examples/homelab", .. args]);

    /// <summary>Splits concatenated JSON documents (one register payload per job).</summary>
    internal static List<JsonElement> Documents(string output)
    {
        var documents = new List<JsonElement>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            documents.Add(document.RootElement.Clone());
        }

        return documents;
    }

    [RequiresNomadSchemaFact]
    public async Task Every_example_job_is_a_valid_register_payload()
    {
        var result = await RenderExample();
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var documents = Documents(result.Out);
        Assert.Equal(ExampleJobIds, documents.Select(d => d.GetProperty("Job").GetProperty("ID").GetString()));
        foreach (var document in documents)
        {
            var problems = new NomadJobSchemaValidator(NomadJobSchema.Current!).ValidateRegisterRequest(document.GetRawText());
            Assert.True(problems.Count == 0, document.GetProperty("Job").GetProperty("ID").GetString() + ":\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public async Task Vault_references_become_templates_and_never_env_values()
    {
        var result = await RenderExample("nextcloud");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var job = Assert.Single(Documents(result.Out)).GetProperty("Job");
        var task = job.GetProperty("TaskGroups")[0].GetProperty("Tasks")[0];
        Assert.Equal("Europe/Berlin", task.GetProperty("Env").GetProperty("TZ").GetString());
        Assert.False(task.GetProperty("Env").TryGetProperty("NEXTCLOUD_ADMIN_PASSWORD", out _));
        var template = Assert.Single(task.GetProperty("Templates").EnumerateArray());
        Assert.True(template.GetProperty("Envvars").GetBoolean());
        Assert.Contains("secret/data/nextcloud", template.GetProperty("EmbeddedTmpl").GetString(), StringComparison.Ordinal);
        Assert.Equal("nomad-workloads", task.GetProperty("Vault").GetProperty("Role").GetString());
        Assert.DoesNotContain("vault:", result.Out, StringComparison.Ordinal);
        Assert.Equal("homelab-manager", job.GetProperty("Meta").GetProperty("managed-by").GetString());
    }

    [Fact]
    public async Task Hcl_format_is_a_readable_jobspec()
    {
        var result = await RenderExample("pihole", "--format", "hcl");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("job \"pihole\" {", result.Out, StringComparison.Ordinal);
        Assert.Contains("static = 53", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_is_a_usage_error_with_a_suggestion()
    {
        var result = await RenderExample("nextclud");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("Did you mean \"nextcloud\"?", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Out_writes_one_file_per_job()
    {
        using var output = new TempHomelab();
        var result = await RenderExample("plex", "postgres", "--out", output.Directory, "--format", "hcl");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["plex.nomad.hcl", "postgres.nomad.hcl"], output.Files());
    }

    [Fact]
    public async Task Invalid_input_writes_nothing()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", TempHomelab.MinimalYaml)
            .Service("web", "service {\n  name = \"web\"\n  container { image = \"nginx:1.27\" }\n")
            .Service("ok", "service {\n  name = \"ok\"\n  container { image = \"nginx:1.27\" }\n}\n");
        var outDirectory = Path.Combine(lab.Directory, "rendered");

        var result = await CliRunner.RunInAsync(lab.Directory, null, "render", "--out", outDirectory);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("services/web/service.hcl", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public async Task Out_also_writes_the_integrations_files_and_sensitive_ones_owner_only()
    {
        using var lab = new TempHomelab()
            .Write("homelab.yaml", Integrations.Vpn.WireGuard.WireGuardKit.Yaml(Integrations.Vpn.WireGuard.WireGuardKit.VectorConfig))
            .Service("web", "service {\n  name = \"web\"\n  container { image = \"nginx:1.27\" }\n}\n");
        var outDirectory = Path.Combine(lab.Directory, "rendered");

        var result = await CliRunner.RunInAsync(lab.Directory, null, "render", "--out", outDirectory);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Out + result.Error);
        var server = Path.Combine(outDirectory, "integrations", "vpn", "wireguard", "wg0.conf.ctmpl");
        Assert.True(File.Exists(server), result.Out);
        Assert.Contains("[Interface]", File.ReadAllText(server), StringComparison.Ordinal);
        Assert.Contains("with secret", File.ReadAllText(server), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server));
        }

        Assert.Contains("wrote rendered/integrations/vpn/wireguard/wg0.conf.ctmpl", result.Out, StringComparison.Ordinal);
    }
}
