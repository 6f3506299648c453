namespace HomelabManager.Definitions;

/// <summary>
/// One service as written in <c>services/&lt;name&gt;/service.hcl</c>, already bound and validated.
/// Collections keep the order of the source; <see cref="Jobs.ServiceDefinitionNormalizer"/> decides
/// which orders carry meaning.
/// </summary>
internal sealed record ServiceDefinition
{
    /// <summary>DNS label <c>[a-z0-9-]</c>, 1..63 characters; becomes the Nomad job ID and the Consul service name.</summary>
    public required string Name { get; init; }

    /// <summary>Free text for humans; not part of the generated job.</summary>
    public string? Description { get; init; }

    /// <summary>The one container the service runs.</summary>
    public required ContainerSpec Container { get; init; }

    /// <summary>CPU (MHz) and memory (MiB) reserved for the container.</summary>
    public ResourceRequirements Resources { get; init; } = ResourceRequirements.Default;

    /// <summary>Persistent volumes (Nomad dynamic host volumes) mounted into the container.</summary>
    public IReadOnlyList<ServiceVolume> Volumes { get; init; } = [];

    /// <summary>Environment variables in source order; values are literals or Vault references.</summary>
    public IReadOnlyList<EnvVariable> Env { get; init; } = [];

    /// <summary>Route the service through the reverse proxy at <c>&lt;subdomain|name&gt;.&lt;domain&gt;</c>.</summary>
    public bool PublicAccess { get; init; }

    /// <summary>Host label used instead of <see cref="Name"/> for the public host name.</summary>
    public string? Subdomain { get; init; }

    /// <summary>Protect the public route with the auth provider's middleware.</summary>
    public bool Auth { get; init; }

    /// <summary>How Consul checks the service.</summary>
    public HealthCheckSpec Health { get; init; } = HealthCheckSpec.Default;

    /// <summary>Number of instances (Nomad task group count), at least 0.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Names of services that must be deployed first.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Node placement constraints.</summary>
    public IReadOnlyList<NodeConstraint> Constraints { get; init; } = [];

    /// <summary>Path of the file the definition came from (for messages); never part of the hash.</summary>
    public string? SourcePath { get; init; }
}
