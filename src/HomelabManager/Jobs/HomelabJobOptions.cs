using HomelabManager.Configuration;

namespace HomelabManager.Jobs;

/// <summary>Turns homelab.yaml's cluster-wide settings into job builder options.</summary>
internal static class HomelabJobOptions
{
    /// <summary>
    /// The builder options for <paramref name="configuration"/>: datacenters, domain and Vault settings.
    /// The configured KV version applies to the configured mount; other mounts are KV v2.
    /// </summary>
    public static NomadJobBuilderOptions From(HomelabConfiguration? configuration)
    {
        if (configuration is null)
        {
            return NomadJobBuilderOptions.Default;
        }

        var settings = configuration.Homelab;
        var vault = settings.Vault;
        var version = vault.KvVersion == 1 ? VaultKvVersion.V1 : VaultKvVersion.V2;
        return NomadJobBuilderOptions.Default with
        {
            Datacenters = settings.Datacenters.Count > 0 ? settings.Datacenters : NomadJobBuilderOptions.Default.Datacenters,
            Domain = string.IsNullOrEmpty(settings.Domain) ? null : settings.Domain,
            Vault = NomadJobBuilderOptions.Default.Vault with
            {
                Role = vault.Role,
                MountKvVersions = new Dictionary<string, VaultKvVersion>(StringComparer.Ordinal) { [vault.KvMount] = version },
            },
        };
    }
}
