namespace HomelabManager.Definitions;

/// <summary>Resources reserved for the container.</summary>
/// <param name="Cpu">CPU in MHz.</param>
/// <param name="MemoryMB">Memory in MiB.</param>
internal sealed record ResourceRequirements(int Cpu, int MemoryMB)
{
    /// <summary>Nomad's own defaults: 100 MHz, 300 MiB.</summary>
    public static ResourceRequirements Default { get; } = new(100, 300);
}
