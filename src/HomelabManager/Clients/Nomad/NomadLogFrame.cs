namespace HomelabManager.Clients.Nomad;

/// <summary>
/// One frame of a log stream (client <c>StreamFrame</c>). Heartbeats (<c>{}</c>) are never surfaced.
/// A frame carries <see cref="Data"/> or a <see cref="FileEvent"/> (<c>file deleted</c>, <c>file truncated</c>).
/// </summary>
internal sealed record NomadLogFrame
{
    /// <summary>File offset in bytes (pass it back as <see cref="NomadLogRequest.Offset"/> to resume).</summary>
    public long Offset { get; init; }

    /// <summary>Raw log bytes (base64 on the wire, at most 64 KiB per frame).</summary>
    public byte[]? Data { get; init; }

    /// <summary>Path of the log file, e.g. <c>alloc/logs/web.stdout.0</c>.</summary>
    public string? File { get; init; }

    public string? FileEvent { get; init; }

    /// <summary>True for <c>{}</c>: no field set.</summary>
    internal bool IsHeartbeat => Offset == 0 && Data is null && File is null && FileEvent is null;
}
