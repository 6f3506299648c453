namespace HomelabManager.Clients.Nomad;

/// <summary><c>GET /v1/client/allocation/:id/stats</c> (client <c>AllocResourceUsage</c>).</summary>
internal sealed record NomadAllocResourceUsage
{
    public NomadResourceUsage? ResourceUsage { get; init; }

    public IReadOnlyDictionary<string, NomadTaskResourceUsage>? Tasks { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long Timestamp { get; init; }
}

/// <summary>Usage of one task.</summary>
internal sealed record NomadTaskResourceUsage
{
    public NomadResourceUsage? ResourceUsage { get; init; }

    /// <summary>Unix nanoseconds.</summary>
    public long Timestamp { get; init; }
}

/// <summary>Memory and CPU figures.</summary>
internal sealed record NomadResourceUsage
{
    public NomadMemoryStats? MemoryStats { get; init; }

    public NomadCpuStats? CpuStats { get; init; }
}

/// <summary>Bytes; <see cref="Measured"/> names the figures the driver really measures.</summary>
internal sealed record NomadMemoryStats
{
    public ulong RSS { get; init; }

    public ulong Cache { get; init; }

    public ulong Swap { get; init; }

    public ulong Usage { get; init; }

    public ulong MaxUsage { get; init; }

    public ulong KernelUsage { get; init; }

    public ulong KernelMaxUsage { get; init; }

    public IReadOnlyList<string>? Measured { get; init; }
}

/// <summary>CPU figures; <see cref="Percent"/> of one core, <see cref="TotalTicks"/> in MHz.</summary>
internal sealed record NomadCpuStats
{
    public double SystemMode { get; init; }

    public double UserMode { get; init; }

    public double TotalTicks { get; init; }

    public ulong ThrottledPeriods { get; init; }

    public ulong ThrottledTime { get; init; }

    public double Percent { get; init; }

    public IReadOnlyList<string>? Measured { get; init; }
}
