using System.Text.Json.Nodes;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.Jobs;

namespace HomelabManager.Tests.NomadSchema;

/// <summary>Proves the validator is not toothless: each kind of defect is reported, a real accepted job passes.</summary>
public sealed class NomadJobSchemaValidatorTests
{
    [RequiresNomadSchemaFact]
    public void Generated_job_is_valid()
    {
        Assert.Empty(Validate(ValidJob()));
    }

    [RequiresNomadSchemaFact]
    public void Unknown_field_is_rejected_with_a_suggestion()
    {
        var job = ValidJob();
        var resources = Task(job)["Resources"]!.AsObject();
        resources.Remove("MemoryMB");
        resources["Memory"] = 512;

        var error = Assert.Single(Validate(job));
        Assert.Contains("$.Job.TaskGroups[0].Tasks[0].Resources.Memory: unknown field of Resources", error);
        Assert.Contains("did you mean 'MemoryMB'", error);
    }

    [RequiresNomadSchemaFact]
    public void Wrongly_cased_field_is_rejected()
    {
        var job = ValidJob();
        var group = job["Job"]!["TaskGroups"]![0]!.AsObject();
        var count = group["Count"]!.GetValue<int>();
        group.Remove("Count");
        group["count"] = count;

        Assert.Contains(Validate(job), e => e.Contains(".count: unknown field", StringComparison.Ordinal) && e.Contains("case-sensitive", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public void String_duration_is_rejected()
    {
        var job = ValidJob();
        job["Job"]!["TaskGroups"]![0]!["Update"]!["MinHealthyTime"] = "10s";

        var error = Assert.Single(Validate(job));
        Assert.Contains("Update.MinHealthyTime: a duration must be an integer of nanoseconds", error);
    }

    [RequiresNomadSchemaFact]
    public void Missing_driver_is_rejected()
    {
        var job = ValidJob();
        Task(job).Remove("Driver");

        Assert.Contains(Validate(job), e => e.Contains("Tasks[0].Driver: required", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public void Missing_job_id_and_image_are_rejected()
    {
        var job = ValidJob();
        job["Job"]!.AsObject().Remove("ID");
        Task(job)["Config"]!.AsObject().Remove("image");

        var errors = Validate(job);
        Assert.Contains(errors, e => e.Contains("$.Job.ID: required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Config.image: required", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public void Wrong_json_type_and_enum_value_are_rejected()
    {
        var job = ValidJob();
        job["Job"]!["TaskGroups"]![0]!["Count"] = "1";
        job["Job"]!["Type"] = "daemon";

        var errors = Validate(job);
        Assert.Contains(errors, e => e.Contains("Count: expected a JSON integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.Job.Type: 'daemon' is not one of", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public void Vault_policies_short_check_and_dangling_port_label_are_rejected()
    {
        var job = ValidJob();
        Task(job)["Vault"]!["Policies"] = new JsonArray("nextcloud");
        var service = job["Job"]!["TaskGroups"]![0]!["Services"]![0]!;
        service["PortLabel"] = "web";
        service["Checks"]![0]!["Interval"] = 500_000_000;

        var errors = Validate(job);
        Assert.Contains(errors, e => e.Contains("Vault.Policies: dropped since Nomad 1.10", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("PortLabel: 'web' is not a port label", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Checks[0].Interval: required, at least 1s", StringComparison.Ordinal));
    }

    [RequiresNomadSchemaFact]
    public void Real_example_from_nomad_passes_except_for_its_legacy_vault_token_key()
    {
        var json = File.ReadAllText(Path.Combine(NomadJobSchema.FindContractsDirectory()!, "vectors", "nomad", "example-short.json"));

        var error = Assert.Single(new NomadJobSchemaValidator(NomadJobSchema.Current!).ValidateRegisterRequest(json));
        Assert.StartsWith("$.Job.VaultToken: unknown field of Job", error);
    }

    [RequiresNomadSchemaFact]
    public void Real_bad_example_from_nomad_is_rejected_for_the_space_in_its_id()
    {
        var json = File.ReadAllText(Path.Combine(NomadJobSchema.FindContractsDirectory()!, "vectors", "nomad", "example-short-bad.json"));

        Assert.Contains(
            new NomadJobSchemaValidator(NomadJobSchema.Current!).ValidateRegisterRequest(json),
            e => e.Contains("Job ID contains a space", StringComparison.Ordinal));
    }

    private static JsonObject ValidJob()
    {
        var built = new NomadJobBuilder(ServiceExamples.Options).Build(ServiceExamples.Nextcloud);
        return JsonNode.Parse(NomadJobJson.Serialize(new NomadJobRegisterRequest { Job = built.Job }))!.AsObject();
    }

    private static JsonObject Task(JsonObject job) => job["Job"]!["TaskGroups"]![0]!["Tasks"]![0]!.AsObject();

    private static IReadOnlyList<string> Validate(JsonObject job) =>
        new NomadJobSchemaValidator(NomadJobSchema.Current!).ValidateRegisterRequest(job.ToJsonString());
}
