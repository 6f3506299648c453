namespace HomelabManager.Definitions;

/// <summary>
/// A port the container listens on. With <see cref="External"/> set the host port is static,
/// otherwise Nomad picks a dynamic host port.
/// </summary>
/// <param name="Internal">Port inside the container, 1..65535.</param>
/// <param name="External">Static host port, or null for a dynamic one.</param>
/// <param name="Protocol">Transport protocol.</param>
/// <param name="Name">Optional label (<c>[A-Za-z0-9_]+</c>); derived from the port when absent.</param>
internal sealed record ContainerPort(
    int Internal,
    int? External = null,
    PortProtocol Protocol = PortProtocol.Tcp,
    string? Name = null);
