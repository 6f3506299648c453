using System.Globalization;
using System.Net;
using System.Text.Json;
using HomelabManager.Clients.Http;

namespace HomelabManager.Clients.Vault;

/// <summary><see cref="IVaultClient"/> over HTTP; JSON only through <see cref="VaultJsonContext"/>.</summary>
/// <remarks>
/// Retries: reads, lists, KV v1 writes (an overwrite is idempotent) and KV v2 writes with
/// <c>cas</c> are retried on transient failures; a KV v2 write without <c>cas</c> adds a version, so it
/// is sent once unless the server provably did not see it.
/// </remarks>
internal sealed class VaultClient : IVaultClient, IDisposable
{
    private static readonly HashSet<int> NotFound = [(int)HttpStatusCode.NotFound];
    private static readonly HashSet<int> HealthCodes = [429, 472, 473, 501, 503];

    private readonly ApiHttpClient _http;
    private readonly VaultJsonContext _json = VaultJsonContext.Default;

    public VaultClient(VaultSettings settings, ApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new ApiHttpClient(settings.ToEndpoint(), options ?? ApiClientOptions.Default, VaultErrors.Policy);
    }

    /// <summary>A client configured from flags and <c>VAULT_*</c> variables.</summary>
    public static VaultClient FromEnvironment(Func<string, string?> environment, ApiConnectionOverrides? flags = null, ApiClientOptions? options = null) =>
        new(VaultSettings.FromEnvironment(environment, flags), options);

    public async Task<VaultHealth> ReadHealthAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, "/v1/sys/health") { Idempotent = true, AcceptedStatusCodes = HealthCodes };
        using var response = await _http.SendAsync(request, cancellationToken);
        return _http.ReadJson(request, response, _json.VaultHealth) with { StatusCode = (int)response.StatusCode };
    }

    public async Task<IReadOnlyDictionary<string, VaultMount>> ListMountsAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, "/v1/sys/mounts") { Idempotent = true };
        var envelope = await _http.SendJsonAsync(request, _json.VaultResponseDictionaryStringVaultMount, cancellationToken);
        return envelope.Data ?? throw _http.Invalid(request, "sys/mounts answered without data");
    }

    public async Task<VaultKvMount?> ResolveKvMountAsync(string mountPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(mountPath);
        var path = mountPath.Trim('/');
        var mounts = await ListMountsAsync(cancellationToken);
        return mounts.TryGetValue(path + "/", out var mount) && mount.KvVersion is { } version
            ? new VaultKvMount(path, version)
            : null;
    }

    public async Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, "/v1/auth/token/lookup-self") { Idempotent = true };
        var envelope = await _http.SendJsonAsync(request, _json.VaultResponseVaultTokenInfo, cancellationToken);
        return envelope.Data ?? throw _http.Invalid(request, "lookup-self answered without data");
    }

    public async Task<VaultKvSecret?> ReadSecretAsync(VaultKvMount mount, string path, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mount);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (mount.Version == 1)
        {
            if (version is not null)
            {
                throw new ArgumentException("KV v1 has no versions.", nameof(version));
            }

            var v1Request = Get(SecretPath(mount, null, path));
            using var v1Response = await _http.SendAsync(v1Request, cancellationToken);
            if (IsEmptyNotFound(v1Request, v1Response))
            {
                return null;
            }

            var v1 = _http.ReadJson(v1Request, v1Response, _json.VaultResponseDictionaryStringJsonElement);
            return new VaultKvSecret { Values = VaultSecretValues.FromJson(v1.Data ?? []) };
        }

        var query = new QueryString(SecretPath(mount, "data", path)).Add("version", version?.ToString(CultureInfo.InvariantCulture));
        var request = Get(query.ToString());
        using var response = await _http.SendAsync(request, cancellationToken);
        if (IsEmptyNotFound(request, response))
        {
            return null;
        }

        // A deleted or destroyed latest version is a 404 that still carries the envelope with metadata.
        var envelope = _http.ReadJson(request, response, _json.VaultResponseVaultKvV2ReadData);
        var data = envelope.Data ?? throw _http.Invalid(request, "KV v2 read answered without data", (int)response.StatusCode);
        return new VaultKvSecret
        {
            Values = data.Data is null ? null : VaultSecretValues.FromJson(data.Data),
            Metadata = data.Metadata,
        };
    }

    public async Task<VaultKvMetadata?> ReadSecretMetadataAsync(VaultKvMount mount, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mount);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (mount.Version != 2)
        {
            throw new ArgumentException($"Mount '{mount.Path}' is KV v1, which keeps no metadata.", nameof(mount));
        }

        var request = Get(SecretPath(mount, "metadata", path));
        using var response = await _http.SendAsync(request, cancellationToken);
        if (IsEmptyNotFound(request, response))
        {
            return null;
        }

        return _http.ReadJson(request, response, _json.VaultResponseVaultKvMetadata).Data
            ?? throw _http.Invalid(request, "metadata answered without data");
    }

    public async Task<IReadOnlyList<string>> ListSecretsAsync(VaultKvMount mount, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mount);
        ArgumentNullException.ThrowIfNull(folder);
        var request = Get(new QueryString(SecretPath(mount, mount.Version == 2 ? "metadata" : null, folder)).Add("list", true).ToString());
        using var response = await _http.SendAsync(request, cancellationToken);
        if (IsEmptyNotFound(request, response))
        {
            return [];
        }

        return _http.ReadJson(request, response, _json.VaultResponseVaultListData).Data?.Keys ?? [];
    }

    public async Task<VaultKvVersionMetadata?> WriteSecretAsync(
        VaultKvMount mount, string path, IReadOnlyDictionary<string, string> values, long? cas = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mount);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(values);
        if (mount.Version == 1)
        {
            if (cas is not null)
            {
                throw new ArgumentException("KV v1 has no check-and-set.", nameof(cas));
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), _json.DictionaryStringString);
            var v1Request = new ApiRequest(HttpMethod.Post, SecretPath(mount, null, path)) { Body = body, Idempotent = true };
            using var _ = await _http.SendAsync(v1Request, cancellationToken);
            return null;
        }

        var write = new VaultKvV2WriteRequest { Data = values, Options = cas is { } c ? new VaultKvWriteOptions(c) : null };
        var request = new ApiRequest(HttpMethod.Post, SecretPath(mount, "data", path))
        {
            Body = JsonSerializer.SerializeToUtf8Bytes(write, _json.VaultKvV2WriteRequest),
            Idempotent = cas is not null,
        };
        var envelope = await _http.SendJsonAsync(request, _json.VaultResponseVaultKvVersionMetadata, cancellationToken);
        return envelope.Data ?? throw _http.Invalid(request, "KV v2 write answered without data");
    }

    public void Dispose() => _http.Dispose();

    private static ApiRequest Get(string path) =>
        new(HttpMethod.Get, path) { Idempotent = true, PassThroughStatusCodes = NotFound };

    private static string SecretPath(VaultKvMount mount, string? segment, string path)
    {
        var trimmed = path.Trim('/');
        var prefix = $"/v1/{QueryString.Path(mount.Path.Trim('/'))}";
        if (segment is not null)
        {
            prefix += "/" + segment;
        }

        return trimmed.Length == 0 ? prefix + "/" : $"{prefix}/{QueryString.Path(trimmed)}";
    }

    /// <summary>True for Vault's "nothing here" 404 (<c>{"errors":[]}</c>); throws for a 404 with messages (no such mount/route).</summary>
    private bool IsEmptyNotFound(ApiRequest request, ApiResponse response)
    {
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            return false;
        }

        var errors = VaultErrors.ReadErrors(response.BodyText);
        if (errors is { Count: 0 })
        {
            return true;
        }

        if (errors is null && response.BodyText.Contains("\"data\"", StringComparison.Ordinal))
        {
            return false;
        }

        throw _http.StatusError(request, response);
    }
}
