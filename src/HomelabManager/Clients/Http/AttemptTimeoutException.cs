namespace HomelabManager.Clients.Http;

/// <summary>One attempt exceeded its timeout (internal to the retry loop; callers see an <see cref="ApiException"/>).</summary>
internal sealed class AttemptTimeoutException : TimeoutException
{
    public AttemptTimeoutException(TimeSpan timeout)
        : base($"no response within {timeout.TotalSeconds:0.###} s")
    {
    }
}
