namespace HomelabManager.Clients.Nomad;

/// <summary>
/// Blocking-query parameters: return once the result's index exceeds <see cref="Index"/> or
/// <see cref="Wait"/> has passed (the server caps it at 300 s). Index 0 returns at once.
/// </summary>
/// <param name="Index">The <c>X-Nomad-Index</c> of a previous answer.</param>
/// <param name="Wait">Longest wait; null = the server default (5 min).</param>
internal sealed record NomadQueryOptions(ulong Index = 0, TimeSpan? Wait = null)
{
    /// <summary>The <c>wait</c> value in Go duration syntax (<c>10s</c>, <c>500ms</c>).</summary>
    public string? WaitText => Wait is not { } wait
        ? null
        : wait.TotalMilliseconds % 1000 == 0
            ? $"{(long)wait.TotalSeconds}s"
            : $"{(long)wait.TotalMilliseconds}ms";
}

/// <summary>A read result with the response headers a blocking query continues from.</summary>
/// <param name="Value">The decoded body.</param>
/// <param name="Index"><c>X-Nomad-Index</c> (pass to the next blocking query).</param>
/// <param name="KnownLeader"><c>X-Nomad-Knownleader</c>.</param>
/// <param name="LastContact"><c>X-Nomad-Lastcontact</c>.</param>
internal sealed record NomadQueryResult<T>(T Value, ulong Index, bool KnownLeader, TimeSpan LastContact);
