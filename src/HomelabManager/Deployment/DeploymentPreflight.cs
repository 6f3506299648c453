using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Clients.Vault;
using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Deployment;

/// <summary>
/// The checks before anything is written: Nomad answers and has a leader; every <c>vault:</c> reference
/// points at an existing secret and key; every host volume exists (missing ones are created through the API).
/// Secret values are read only to learn their keys: they are never kept, printed or put in a message.
/// </summary>
internal sealed class DeploymentPreflight(INomadClient nomad, Func<IVaultClient> vault, NomadJobBuilderOptions options)
{
    /// <summary>Problems that stop the deployment (empty when all is well). Nothing is written.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(IReadOnlyList<ServiceDefinition> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        try
        {
            var leader = await nomad.ReadLeaderAsync(cancellationToken);
            if (string.IsNullOrEmpty(leader))
            {
                problems.Add("Nomad has no cluster leader; nothing can be scheduled until it elects one");
            }
        }
        catch (ApiException exception)
        {
            problems.Add($"Nomad is not ready: {exception.Message}");
            return problems;
        }

        problems.AddRange(await CheckSecretsAsync(services, cancellationToken));
        return problems;
    }

    /// <summary>Creates the host volumes <paramref name="services"/> use that do not exist yet; returns their names.</summary>
    public async Task<IReadOnlyList<string>> EnsureVolumesAsync(IReadOnlyList<ServiceDefinition> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var wanted = services.SelectMany(s => s.Volumes).Select(v => v.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var existing = (await nomad.ListHostVolumesAsync(options.NodePool, cancellationToken)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var created = new List<string>();
        foreach (var name in wanted.Where(n => !existing.Contains(n)))
        {
            await nomad.CreateHostVolumeAsync(
                new NomadHostVolume
                {
                    Name = name,
                    PluginId = "mkdir",
                    NodePool = options.NodePool ?? string.Empty,
                    RequestedCapabilities = [new NomadHostVolumeCapability(options.VolumeAttachmentMode, options.VolumeAccessMode)],
                },
                cancellationToken);
            created.Add(name);
        }

        return created;
    }

    /// <summary>
    /// Problems with the <c>vault:</c> references of <paramref name="services"/> (missing secret or key); no request when
    /// none has a reference. Deploy checks only the services whose jobs it registers, so a no-change deploy reads nothing.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckSecretsAsync(IReadOnlyList<ServiceDefinition> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var references = services
            .SelectMany(s => s.Env.Select(e => (Service: s.Name, Env: e.Name, Reference: (e.Value as VaultEnvValue)?.Reference)))
            .Where(r => r.Reference is not null)
            .Select(r => (r.Service, r.Env, Reference: r.Reference!))
            .ToList();
        if (references.Count == 0)
        {
            return [];
        }

        // One read per secret path, a few at a time (Vault answers each on its own); problems are reported in path order.
        var client = vault();
        var secrets = references.GroupBy(r => r.Reference.Path, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var found = new string[secrets.Count][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, secrets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SecretReadConcurrency, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await CheckSecretAsync(client, secrets[i], token));
        return [.. found.SelectMany(p => p)];
    }

    /// <summary>Secret paths read at once by <see cref="CheckSecretsAsync"/>.</summary>
    private const int SecretReadConcurrency = 4;

    /// <summary>The problems of one secret path (empty when it exists with every key its users name).</summary>
    private async Task<string[]> CheckSecretAsync(IVaultClient client, IGrouping<string, (string Service, string Env, VaultReference Reference)> secret, CancellationToken cancellationToken)
    {
        var first = secret.First().Reference;
        var mount = new VaultKvMount(first.Mount, options.Vault.KvVersionOf(first.Mount) == VaultKvVersion.V1 ? 1 : 2);
        IReadOnlySet<string>? keys;
        try
        {
            keys = await ReadKeysAsync(client, mount, first.PathInMount, cancellationToken);
        }
        catch (ApiException exception)
        {
            return [$"vault:{secret.Key} ({Users(secret)}): cannot read it: {exception.Message}"];
        }

        if (keys is null)
        {
            return [$"vault:{secret.Key} ({Users(secret)}): no secret at path \"{secret.Key}\" (KV v{mount.Version} mount \"{mount.Path}\"); write it with 'homelab-manager secrets set' or 'vault kv put'"];
        }

        return [.. secret
            .Where(r => !keys.Contains(r.Reference.Key))
            .GroupBy(r => r.Reference.Key, StringComparer.Ordinal)
            .Select(missing => $"vault:{secret.Key}#{missing.Key} ({Users(missing)}): the secret at path \"{secret.Key}\" has no key \"{missing.Key}\"")];
    }

    /// <summary>The keys of a secret (values dropped at once); null when it does not exist or its latest version is deleted.</summary>
    private static async Task<IReadOnlySet<string>?> ReadKeysAsync(IVaultClient client, VaultKvMount mount, string path, CancellationToken cancellationToken)
    {
        var secret = await client.ReadSecretAsync(mount, path, cancellationToken: cancellationToken);
        return secret?.Values is { } values ? values.Keys.ToHashSet(StringComparer.Ordinal) : null;
    }

    private static string Users(IEnumerable<(string Service, string Env, VaultReference Reference)> references) =>
        string.Join("; ", references
            .GroupBy(r => r.Service, StringComparer.Ordinal)
            .Select(g => $"service {g.Key}, env {string.Join(", ", g.Select(r => r.Env).Distinct(StringComparer.Ordinal))}"));
}
