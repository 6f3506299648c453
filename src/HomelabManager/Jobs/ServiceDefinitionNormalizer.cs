using HomelabManager.Definitions;

namespace HomelabManager.Jobs;

/// <summary>
/// Puts a definition into its canonical order, so that reordering things whose order carries no
/// meaning changes neither the generated job nor its hash.
/// </summary>
/// <remarks>
/// Not semantic, sorted (ordinal): env variables (by name), volumes (by name, then path), <c>cap_add</c>
/// (also de-duplicated), <c>depends_on</c> (also de-duplicated), constraints.
/// Semantic, kept: ports (the first TCP port is the service port) and command arguments.
/// </remarks>
internal static class ServiceDefinitionNormalizer
{
    /// <summary>A copy of <paramref name="service"/> in canonical order.</summary>
    public static ServiceDefinition Normalize(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service with
        {
            Container = service.Container with
            {
                CapAdd = [.. service.Container.CapAdd.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            },
            Env = [.. service.Env.OrderBy(e => e.Name, StringComparer.Ordinal)],
            Volumes =
            [
                .. service.Volumes
                    .OrderBy(v => v.Name, StringComparer.Ordinal)
                    .ThenBy(v => v.Path, StringComparer.Ordinal),
            ],
            DependsOn = [.. service.DependsOn.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Constraints =
            [
                .. service.Constraints
                    .OrderBy(c => c.Attribute, StringComparer.Ordinal)
                    .ThenBy(c => c.Operator, StringComparer.Ordinal)
                    .ThenBy(c => c.Value, StringComparer.Ordinal),
            ],
        };
    }
}
