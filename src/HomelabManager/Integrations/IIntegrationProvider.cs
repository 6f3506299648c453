using HomelabManager.Configuration;

namespace HomelabManager.Integrations;

/// <summary>
/// One integration provider (SPEC §6): a folder under <c>Integrations/&lt;Category&gt;/&lt;Provider&gt;/</c> with a
/// public parameterless constructor. <see cref="IntegrationRegistry"/> finds it by scanning; nothing else lists it.
/// </summary>
/// <remarks>
/// A provider may also implement <see cref="IForwardAuthProvider"/> (auth), <see cref="IDnsTargetProvider"/> (vpn)
/// and <see cref="IExternalActionsProvider"/> (dns, vpn: idempotent changes outside Nomad).
/// </remarks>
internal interface IIntegrationProvider
{
    /// <summary>The <c>homelab.yaml</c> section it serves.</summary>
    IntegrationCategory Category { get; }

    /// <summary>The <c>provider:</c> value selecting it, e.g. <c>traefik</c>.</summary>
    string Name { get; }

    /// <summary>One line for the configure wizard and <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Its <c>config:</c> keys, as data: the wizard asks them, <see cref="Validate"/> checks them.</summary>
    IReadOnlyList<ProviderOption> Options { get; }

    /// <summary>Checks the section offline; reports into <see cref="ValidationContext.Diagnostics"/> at the offending line.</summary>
    void Validate(IntegrationSection section, ValidationContext context);

    /// <summary>What the provider adds to the deployment. Called only after <see cref="Validate"/> found no error.</summary>
    IntegrationContribution Contribute(IntegrationContext context);
}
