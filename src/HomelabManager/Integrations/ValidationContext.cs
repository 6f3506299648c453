using HomelabManager.Configuration;
using HomelabManager.Hcl.Diagnostics;

namespace HomelabManager.Integrations;

/// <summary>What a provider's <see cref="IIntegrationProvider.Validate"/> sees: the whole file and where to report.</summary>
internal sealed class ValidationContext(HomelabConfiguration configuration, DiagnosticBag diagnostics)
{
    /// <summary>The whole configuration (e.g. to read <c>homelab.domain</c>).</summary>
    public HomelabConfiguration Configuration { get; } = configuration;

    /// <summary>Where problems go, with the line they are on.</summary>
    public DiagnosticBag Diagnostics { get; } = diagnostics;
}
