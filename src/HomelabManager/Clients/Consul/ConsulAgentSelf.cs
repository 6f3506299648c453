namespace HomelabManager.Clients.Consul;

/// <summary>
/// <c>GET /v1/agent/self</c> (needs <c>agent:read</c>): the fields doctor shows. Not described in the
/// contracts folder; names follow Consul's agent endpoint.
/// </summary>
internal sealed record ConsulAgentSelf
{
    public ConsulAgentConfig? Config { get; init; }

    public ConsulAgentMember? Member { get; init; }
}

/// <summary>Agent configuration summary.</summary>
internal sealed record ConsulAgentConfig
{
    public string Datacenter { get; init; } = string.Empty;

    public string NodeName { get; init; } = string.Empty;

    public bool Server { get; init; }

    public string Version { get; init; } = string.Empty;

    public string Revision { get; init; } = string.Empty;
}

/// <summary>The agent's gossip member; <see cref="Status"/> 1 = alive.</summary>
internal sealed record ConsulAgentMember
{
    public string Name { get; init; } = string.Empty;

    public string Addr { get; init; } = string.Empty;

    public int Port { get; init; }

    public int Status { get; init; }
}
