namespace HomelabManager.Jobs;

/// <summary>Cluster-wide settings the job builder applies to every service.</summary>
internal sealed record NomadJobBuilderOptions
{
    /// <summary>Datacenters the jobs may run in; <c>*</c> means all.</summary>
    public IReadOnlyList<string> Datacenters { get; init; } = ["*"];

    /// <summary>Nomad region; null leaves it to the agent.</summary>
    public string? Region { get; init; }

    /// <summary>Nomad namespace; null means <c>default</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>Nomad node pool; null means <c>default</c>.</summary>
    public string? NodePool { get; init; }

    /// <summary>Base domain of public host names (<c>homelab.domain</c>), e.g. <c>home.example.com</c>.</summary>
    public string? Domain { get; init; }

    /// <summary>Written to Meta <c>homelab-manager-version</c>.</summary>
    public string ToolVersion { get; init; } = HomelabManager.ToolVersion.Current;

    /// <summary>Vault secret settings.</summary>
    public VaultSecretOptions Vault { get; init; } = new();

    /// <summary>
    /// Access mode requested for every host volume. It must match a capability the volume was created with;
    /// <c>single-node-writer</c> allows read-write and read-only mounts.
    /// </summary>
    public string VolumeAccessMode { get; init; } = "single-node-writer";

    /// <summary>Attachment mode requested for every host volume.</summary>
    public string VolumeAttachmentMode { get; init; } = "file-system";

    /// <summary>The defaults.</summary>
    public static NomadJobBuilderOptions Default { get; } = new();
}
