using System.Globalization;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Vault;
using VaultSettings = HomelabManager.Configuration.VaultSettings;

namespace HomelabManager.Commands.Doctor;

/// <summary>Vault: reachable, initialised and unsealed, version, token, and the KV mount homelab.yaml names.</summary>
internal static class VaultChecks
{
    private const string Component = "Vault";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(IVaultClient vault, VaultSettings settings, bool configured, CancellationToken cancellationToken)
    {
        var mountCheck = $"KV v{settings.KvVersion} mount {settings.KvMount}/";
        var checks = new List<DoctorCheck>();
        VaultHealth health;
        try
        {
            health = await vault.ReadHealthAsync(cancellationToken);
            checks.Add(DoctorCheck.Passed(Component, "reachable", "the API answers"));
        }
        catch (ApiException exception)
        {
            checks.Add(DoctorCheck.Failed(Component, "reachable", exception.Message,
                "start Vault, or point VAULT_ADDR (or --vault-addr) at it; with TLS also set VAULT_CACERT"));
            foreach (var name in new[] { "unsealed", "version ≥ 1.15", "token", mountCheck })
            {
                checks.Add(DoctorCheck.Skipped(Component, name, "Vault is not reachable"));
            }

            return checks;
        }

        var usable = health.Initialized && !health.Sealed;
        checks.Add(!health.Initialized
            ? DoctorCheck.Failed(Component, "unsealed", "Vault is not initialised", "initialise it: vault operator init")
            : health.Sealed
                ? DoctorCheck.Failed(Component, "unsealed", "Vault is sealed", "unseal it: vault operator unseal (with enough key shares)")
                : DoctorCheck.Passed(Component, "unsealed", health.Standby ? "unsealed (standby)" : "unsealed"));
        checks.Add(MinimumVersion.Check(Component, health.Version, MinimumVersion.Vault, "upgrade Vault to 1.15 or later"));
        if (!usable)
        {
            checks.Add(DoctorCheck.Skipped(Component, "token", "Vault is sealed or not initialised"));
            checks.Add(DoctorCheck.Skipped(Component, mountCheck, "Vault is sealed or not initialised"));
            return checks;
        }

        try
        {
            var token = await vault.LookupSelfAsync(cancellationToken);
            var expiry = token.Ttl > 0 ? $"expires in {FormatTtl(token.Ttl)}" : "never expires";
            checks.Add(DoctorCheck.Passed(Component, "token", $"valid (policies: {string.Join(", ", token.Policies)}; {expiry})"));
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            checks.Add(DoctorCheck.Failed(Component, "token", "the token is missing, invalid or expired", "log in (vault login) or set VAULT_TOKEN"));
            checks.Add(DoctorCheck.Skipped(Component, mountCheck, "no valid token"));
            return checks;
        }

        checks.Add(await MountAsync(vault, settings, configured, mountCheck, cancellationToken));
        return checks;
    }

    private static async Task<DoctorCheck> MountAsync(IVaultClient vault, VaultSettings settings, bool configured, string name, CancellationToken cancellationToken)
    {
        var source = configured ? "homelab.yaml" : "the default (no homelab.yaml here)";
        var engine = settings.KvVersion == 2 ? "kv-v2" : "kv";
        VaultKvMount? mount;
        try
        {
            mount = await vault.ResolveKvMountAsync(settings.KvMount, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            return DoctorCheck.Failed(Component, name, "the token may not read sys/mounts",
                $"grant read on sys/mounts to check it, or confirm by hand: vault secrets list (expect {settings.KvMount}/ of type kv, version {settings.KvVersion})");
        }

        if (mount is null)
        {
            return DoctorCheck.Failed(Component, name, $"there is no KV mount at {settings.KvMount}/ (named by {source})",
                $"enable it: vault secrets enable -path={settings.KvMount} {engine}");
        }

        return mount.Version == settings.KvVersion
            ? DoctorCheck.Passed(Component, name, $"{settings.KvMount}/ is KV v{mount.Version}")
            : DoctorCheck.Failed(Component, name, $"{settings.KvMount}/ is KV v{mount.Version}, but {source} says v{settings.KvVersion}",
                $"set homelab.vault.kv_version: {mount.Version} in homelab.yaml, or use a KV v{settings.KvVersion} mount");
    }

    private static string FormatTtl(long seconds)
    {
        var ttl = TimeSpan.FromSeconds(seconds);
        return ttl.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)ttl.TotalDays}d")
            : ttl.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)ttl.TotalHours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)ttl.TotalMinutes}m");
    }
}
