namespace HomelabManager.Clients.Consul;

/// <summary>Blocking-query parameters (<c>index</c> from a previous <c>X-Consul-Index</c>, <c>wait</c>).</summary>
internal sealed record ConsulQueryOptions(ulong Index = 0, TimeSpan? Wait = null)
{
    /// <summary>The <c>wait</c> value in Go duration syntax.</summary>
    public string? WaitText => Wait is not { } wait
        ? null
        : wait.TotalMilliseconds % 1000 == 0 ? $"{(long)wait.TotalSeconds}s" : $"{(long)wait.TotalMilliseconds}ms";
}

/// <summary>A read result with <c>X-Consul-Index</c> (never below 1).</summary>
internal sealed record ConsulQueryResult<T>(T Value, ulong Index, bool KnownLeader);
