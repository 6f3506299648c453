namespace HomelabManager.Commands.Vpn;

/// <summary>A vpn command that cannot proceed because of what the user asked or what homelab.yaml says: this message and the exit code.</summary>
internal sealed class VpnUsageException(string message, int exitCode) : Exception(message)
{
    /// <summary>The exit code to return (2 for invalid input, 1 otherwise).</summary>
    public int ExitCode { get; } = exitCode;
}
