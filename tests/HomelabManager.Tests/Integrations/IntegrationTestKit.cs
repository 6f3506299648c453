using HomelabManager.Configuration;
using HomelabManager.Definitions;
using HomelabManager.Hcl.Text;
using HomelabManager.Integrations;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.Jobs;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Integrations;

/// <summary>Loads a homelab.yaml text and runs the integration pipeline over it.</summary>
internal static class IntegrationTestKit
{
    public const string Domain = "home.example.com";

    public const string AutheliaSection = """
        auth:
          provider: authelia
          config:
            subdomain: auth
            jwt_secret: vault:secret/authelia#jwt_secret
            session_secret: vault:secret/authelia#session_secret
            storage_encryption_key: vault:secret/authelia#storage_encryption_key
        """;

    public static string Yaml(string sections) => $"homelab:\n  domain: {Domain}\n{sections}\n";

    public static string ReverseProxy(string provider, string config = "") =>
        $"reverse_proxy:\n  provider: {provider}\n  config:\n    acme_email: admin@example.com\n{config}";

    public static HomelabConfiguration Load(string yaml, params (string Name, string Value)[] variables)
    {
        var result = HomelabConfigurationLoader.Parse(new SourceText("homelab.yaml", yaml), Variables(variables));
        Assert.True(!result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Configuration!;
    }

    public static DictionaryVariables Variables(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value));

    public static IntegrationPlan Plan(string yaml, IReadOnlyList<ServiceDefinition>? services = null, string? homelabDirectory = null, params (string Name, string Value)[] variables)
    {
        var configuration = Load(yaml, variables);
        return new IntegrationPipeline(IntegrationRegistry.Default).Contribute(new IntegrationRequest(
            configuration,
            services ?? DefaultServices,
            Variables(variables),
            ServiceExamples.Options,
            homelabDirectory));
    }

    public static IntegrationPlan SuccessfulPlan(string yaml, IReadOnlyList<ServiceDefinition>? services = null, string? homelabDirectory = null, params (string Name, string Value)[] variables)
    {
        var plan = Plan(yaml, services, homelabDirectory, variables);
        Assert.True(!plan.HasErrors, string.Join("\n", plan.Diagnostics));
        return plan;
    }

    /// <summary>A public service, a public service with auth, a private one.</summary>
    public static IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        ServiceExamples.Nextcloud,
        ServiceExamples.Pihole,
        ServiceExamples.Minimal,
    ];

    /// <summary>The default services without the one that asks for auth.</summary>
    public static IReadOnlyList<ServiceDefinition> NoAuthServices { get; } = [ServiceExamples.Nextcloud, ServiceExamples.Minimal];

    /// <summary>Builds the user services with the plan's contributions.</summary>
    public static IReadOnlyList<NomadJob> BuildServices(IntegrationPlan plan, IReadOnlyList<ServiceDefinition>? services = null)
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options, plan.ServiceContributions);
        return [.. (services ?? DefaultServices).Select(s => builder.Build(s).Job)];
    }

    public static NomadJob Job(IntegrationPlan plan, string id) => Assert.Single(plan.Jobs, j => j.Id == id);

    public static IReadOnlyList<string> Tags(NomadJob job) => job.TaskGroups.Single().Services?.Single().Tags ?? [];

    public static NomadTemplate Template(NomadJob job, string destPath) =>
        Assert.Single(job.TaskGroups.Single().Tasks.Single().Templates ?? [], t => t.DestPath == destPath);

    public static void AssertSchemaValid(NomadJob job)
    {
        NomadJobAssert.IsValidJob(NomadJobJson.Serialize(job));
        NomadJobAssert.IsValidRegisterRequest(NomadJobJson.Serialize(new NomadJobRegisterRequest { Job = job }));
    }
}
