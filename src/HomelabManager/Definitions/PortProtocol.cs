namespace HomelabManager.Definitions;

/// <summary>Transport protocol of a container port.</summary>
internal enum PortProtocol
{
    /// <summary>TCP (default).</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,
}
