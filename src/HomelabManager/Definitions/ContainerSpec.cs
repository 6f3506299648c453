namespace HomelabManager.Definitions;

/// <summary>The container of a service: image, ports and how it is started.</summary>
internal sealed record ContainerSpec
{
    /// <summary>Docker image reference, e.g. <c>nextcloud:latest</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Ports in source order; the first TCP port is the one Consul checks and the proxy routes to.</summary>
    public IReadOnlyList<ContainerPort> Ports { get; init; } = [];

    /// <summary>Overrides the image entrypoint command.</summary>
    public string? Command { get; init; }

    /// <summary>Arguments passed to the command, in order.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>User (name or uid[:gid]) the container runs as.</summary>
    public string? User { get; init; }

    /// <summary>Run the container privileged (the Nomad client must allow it).</summary>
    public bool Privileged { get; init; }

    /// <summary>Linux capabilities to add, e.g. <c>NET_ADMIN</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];
}
