namespace HomelabManager.Commands.Secrets;

/// <summary><c>secrets set|get --output json</c>: one key of one secret. <see cref="Value"/> is only there with <c>get --reveal</c>.</summary>
/// <param name="Path">Secret path with its mount, e.g. <c>secret/nextcloud</c>.</param>
/// <param name="Key">The key.</param>
/// <param name="KvVersion">KV engine version of the mount (1 or 2).</param>
/// <param name="Version">KV v2 version of the secret; null for KV v1.</param>
/// <param name="Value">The value, only when explicitly revealed.</param>
internal sealed record SecretReport(string Path, string Key, int KvVersion, int? Version, string? Value);

/// <summary><c>secrets list --output json</c>.</summary>
/// <param name="Path">The listed path; null when the homelab's references were listed.</param>
/// <param name="Keys">Keys of the secret at <see cref="Path"/> (never values); empty when there is none.</param>
/// <param name="Children">Entries below <see cref="Path"/> (sub-folders end with <c>/</c>).</param>
/// <param name="Version">KV v2 version of the secret at <see cref="Path"/>.</param>
/// <param name="References">Every <c>vault:</c> reference of the homelab and whether it exists (only without a path).</param>
internal sealed record SecretListReport(
    string? Path,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> Children,
    int? Version,
    IReadOnlyList<SecretReferenceStatus>? References);

/// <summary>One <c>vault:PATH#KEY</c> the homelab uses.</summary>
/// <param name="Reference">The reference as written, e.g. <c>vault:secret/nextcloud#admin_password</c>.</param>
/// <param name="Path">Secret path with its mount.</param>
/// <param name="Key">The key.</param>
/// <param name="UsedBy">Where it is used: <c>service nextcloud (NEXTCLOUD_ADMIN_PASSWORD)</c> or a homelab.yaml key path.</param>
/// <param name="Status"><c>ok</c>, <c>missing key</c>, <c>missing secret</c>, <c>deleted</c> or <c>unreadable</c>.</param>
/// <param name="Detail">Why it is unreadable (an API error), else null.</param>
internal sealed record SecretReferenceStatus(string Reference, string Path, string Key, IReadOnlyList<string> UsedBy, string Status, string? Detail)
{
    /// <summary>True when the key exists.</summary>
    public bool Exists => Status == "ok";
}
