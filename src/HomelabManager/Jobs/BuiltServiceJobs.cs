using HomelabManager.Jobs.Api;

namespace HomelabManager.Jobs;

/// <summary>The result of building one service.</summary>
/// <param name="Job">The service's own job (ID = service name).</param>
/// <param name="AdditionalJobs">Jobs added by contributions.</param>
/// <param name="DefinitionHash">The definition hash also stored in Meta <c>homelab-manager-hash</c>.</param>
internal sealed record BuiltServiceJobs(NomadJob Job, IReadOnlyList<NomadJob> AdditionalJobs, string DefinitionHash);
