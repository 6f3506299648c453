namespace HomelabManager.Jobs;

/// <summary>Job Meta keys through which the tool recognises and tracks its own jobs.</summary>
internal static class JobMetaKeys
{
    /// <summary>Always <see cref="ManagedByValue"/>; jobs without it are never touched.</summary>
    public const string ManagedBy = "managed-by";

    /// <summary>Value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "homelab-manager";

    /// <summary>Version of the tool that generated the job.</summary>
    public const string Version = "homelab-manager-version";

    /// <summary>SHA-256 of the normalised service definition (<see cref="DefinitionFingerprint"/>).</summary>
    public const string DefinitionHash = "homelab-manager-hash";

    /// <summary>
    /// SHA-256 of the generated job itself (without this key): changes too when options, contributions or the
    /// tool's output change while the definition does not.
    /// </summary>
    public const string JobHash = "homelab-manager-job-hash";

    /// <summary>
    /// The job <c>Version</c> homelab-manager expects the job to have right after its own register (set by the
    /// deployment planner, not the builder). A live version that differs means the job was changed outside the
    /// tool (drift). Bookkeeping: not part of <see cref="JobHash"/>.
    /// </summary>
    public const string ExpectedVersion = "homelab-manager-expected-version";

    /// <summary>
    /// A nonce <c>update</c> sets to roll a service's allocations (with a fresh image pull) without changing its
    /// definition. Bookkeeping: not part of <see cref="JobHash"/>.
    /// </summary>
    public const string Restart = "homelab-manager-restart";

    /// <summary>True for keys the deployment writes that never count as a change of the job itself.</summary>
    public static bool IsBookkeeping(string key) => key is Version or ExpectedVersion or Restart;

    /// <summary>True for keys contributions must not set.</summary>
    public static bool IsReserved(string key) =>
        key == ManagedBy || key.StartsWith(ManagedByValue + "-", StringComparison.Ordinal);
}
