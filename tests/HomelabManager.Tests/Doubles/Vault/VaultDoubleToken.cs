namespace HomelabManager.Tests.Doubles.Vault;

/// <summary>A token the Vault double accepts. Policy <c>root</c> may do everything; others only what <see cref="Rules"/> grant.</summary>
/// <param name="Token">The secret token value.</param>
/// <param name="Policies">Policy names reported by lookup-self.</param>
/// <param name="Rules">Path rules (API paths without <c>/v1/</c>; a trailing <c>*</c> is a prefix, so <c>secret/metadata/*</c> also covers listing <c>secret/metadata/</c>).</param>
internal sealed record VaultDoubleToken(string Token, IReadOnlyList<string> Policies, IReadOnlyList<VaultDoubleRule> Rules)
{
    public bool IsRoot => Policies.Contains("root");

    /// <summary>True when the token may use <paramref name="capability"/> on <paramref name="path"/>.</summary>
    public bool Allows(string path, string capability) =>
        IsRoot || Rules.Any(r => r.Capabilities.Contains(capability) && (r.Path.EndsWith('*') ? (path + "/").StartsWith(r.Path[..^1], StringComparison.Ordinal) : path == r.Path));
}

/// <summary>A policy rule: capabilities (<c>read</c>, <c>list</c>, <c>create</c>, <c>update</c>, <c>delete</c>) on a path.</summary>
internal sealed record VaultDoubleRule(string Path, params string[] Capabilities);
