namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>How a <see cref="NomadDouble"/> behaves.</summary>
internal sealed record NomadDoubleOptions
{
    /// <summary>When set, ACLs are on and this is the only (management) token; requests without it get 403.</summary>
    public string? Token { get; init; }

    /// <summary>Clock for timestamps, blocking waits, log heartbeats and automatic deployment progress.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>
    /// When set, each deployment progresses by itself this long after it started (on <see cref="Time"/>,
    /// so a fake clock drives it). When null, tests call <see cref="NomadDouble.ProgressDeployments"/>.
    /// </summary>
    public TimeSpan? DeploymentDuration { get; init; }

    /// <summary>Idle time after which a followed log stream sends a <c>{}</c> heartbeat.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The agent's region.</summary>
    public string Region { get; init; } = "global";

    /// <summary>The agent's datacenter.</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>The agent's Nomad version.</summary>
    public string Version { get; init; } = "2.0.5";

    /// <summary>The client nodes <c>/v1/nodes</c> lists (default: one ready node with a healthy docker driver).</summary>
    public IReadOnlyList<NomadDoubleNode> Nodes { get; init; } = [new NomadDoubleNode("node-1")];
}

/// <summary>A client node of the double.</summary>
/// <param name="Name">Node name.</param>
/// <param name="Status"><c>ready</c>, <c>down</c>, …</param>
/// <param name="DockerHealthy">Whether the docker driver is detected and healthy.</param>
internal sealed record NomadDoubleNode(string Name, string Status = "ready", bool DockerHealthy = true);
