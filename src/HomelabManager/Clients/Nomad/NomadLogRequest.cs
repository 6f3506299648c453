namespace HomelabManager.Clients.Nomad;

/// <summary>Which log file of a task to stream.</summary>
internal enum NomadLogType
{
    Stdout,
    Stderr,
}

/// <summary>Where <see cref="NomadLogRequest.Offset"/> counts from.</summary>
internal enum NomadLogOrigin
{
    Start,
    End,
}

/// <summary>Parameters of <c>GET /v1/client/fs/logs/:alloc_id</c> (always <c>plain=false</c>, framed).</summary>
/// <param name="AllocationId">The allocation.</param>
/// <param name="Task">Task name (required by the server).</param>
/// <param name="Type">stdout or stderr.</param>
/// <param name="Follow">Keep streaming new output until cancelled.</param>
/// <param name="Origin">Count <paramref name="Offset"/> from the start or back from the end.</param>
/// <param name="Offset">Bytes (with <see cref="NomadLogOrigin.End"/>: how far back from the end, the way <c>--tail</c> works).</param>
internal sealed record NomadLogRequest(
    string AllocationId,
    string Task,
    NomadLogType Type = NomadLogType.Stdout,
    bool Follow = false,
    NomadLogOrigin Origin = NomadLogOrigin.Start,
    long Offset = 0);
