using HomelabManager.Hcl.Diagnostics;
using HomelabManager.Integrations;
using HomelabManager.Integrations.Templates;
using HomelabManager.Tests.Jobs;

namespace HomelabManager.Tests.Integrations.Dns;

internal static class DnsTestKit
{
    /// <summary>The dns provider's context for <paramref name="yaml"/> and the records the pipeline wants (nextcloud → nextcloud.home.example.com).</summary>
    public static (IntegrationContext Context, ExternalActionRequest Wanted) Actions(string yaml, params (string Name, string Value)[] variables)
    {
        var plan = IntegrationTestKit.SuccessfulPlan(yaml, [ServiceExamples.Nextcloud, ServiceExamples.Minimal], variables: variables);
        var configuration = IntegrationTestKit.Load(yaml, variables);
        var provider = plan.Providers[HomelabManager.Configuration.IntegrationCategory.Dns];
        var diagnostics = new DiagnosticBag();
        var context = new IntegrationContext(
            configuration,
            new ProviderSettings(configuration.Dns!, provider.Options, IntegrationTestKit.Variables(variables), diagnostics),
            ServiceExamples.Options,
            [ServiceExamples.Nextcloud, ServiceExamples.Minimal],
            new TemplateRenderer(null),
            diagnostics);
        return (context, new ExternalActionRequest(plan.DnsRecords, plan.TunnelIngress));
    }
}
