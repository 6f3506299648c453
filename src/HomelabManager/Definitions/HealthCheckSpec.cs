namespace HomelabManager.Definitions;

/// <summary>How Consul checks the service: an HTTP GET of <see cref="Path"/> when set, else a TCP connect.</summary>
/// <param name="Path">Relative HTTP path starting with <c>/</c>, or null for a TCP check.</param>
internal sealed record HealthCheckSpec(string? Path = null)
{
    /// <summary>TCP check on the service port.</summary>
    public static HealthCheckSpec Default { get; } = new();
}
