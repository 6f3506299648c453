using HomelabManager.Clients.Nomad;

namespace HomelabManager.Commands.Logs;

/// <summary>
/// The log of one task of one allocation: everything (or the last N lines) and, with follow, every line
/// written afterwards until the stream ends or the token is cancelled.
/// </summary>
internal sealed class AllocationLogStream(INomadClient nomad, LogSink sink, string allocationId, string task, string prefix, SinceFilter? since)
{
    /// <summary>First look this many bytes back per requested tail line; grows ×4 while too few lines came back.</summary>
    private const int BytesPerTailLine = 256;

    /// <summary>Never look further back than this for <c>--tail</c>.</summary>
    private const long MaxTailBytes = 64L * 1024 * 1024;

    private readonly LogLineSplitter _splitter = new();

    /// <summary>Streams the log as <paramref name="request"/> asks; partial last lines are printed when the stream ends.</summary>
    public async Task RunAsync(LogRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            long offset = 0;
            if (request.Tail is { } tail)
            {
                offset = await TailAsync(request, tail, cancellationToken);
                if (!request.Follow)
                {
                    return;
                }
            }

            var follow = new NomadLogRequest(allocationId, task, request.Type, request.Follow, NomadLogOrigin.Start, offset);
            await foreach (var frame in nomad.StreamLogsAsync(follow, cancellationToken))
            {
                if (frame.Data is { Length: > 0 } data)
                {
                    Emit(_splitter.Add(data));
                }
            }
        }
        finally
        {
            if (_splitter.Flush() is { } partial)
            {
                Emit([partial]);
            }
        }
    }

    /// <summary>Prints the last <paramref name="lines"/> lines; returns the file offset to follow from.</summary>
    private async Task<long> TailAsync(LogRequest request, int lines, CancellationToken cancellationToken)
    {
        if (lines == 0)
        {
            // Nothing old to show: only what comes next.
            return await EndOffsetAsync(request, cancellationToken);
        }

        var back = Math.Max(4096L, (long)lines * BytesPerTailLine);
        while (true)
        {
            var frames = new List<NomadLogFrame>();
            await foreach (var frame in nomad.StreamLogsAsync(new NomadLogRequest(allocationId, task, request.Type, false, NomadLogOrigin.End, back), cancellationToken))
            {
                if (frame.Data is { Length: > 0 })
                {
                    frames.Add(frame);
                }
            }

            if (frames.Count == 0)
            {
                return 0;
            }

            var start = frames[0].Offset - frames[0].Data!.Length;
            var splitter = new LogLineSplitter();
            var complete = frames.SelectMany(f => splitter.Add(f.Data)).ToList();
            if (start > 0 && complete.Count > 0)
            {
                complete.RemoveAt(0); // begins mid-line
            }

            var partial = splitter.Flush();
            if (partial is not null && !request.Follow)
            {
                // Without follow a last line not ended by a newline is a line like the others.
                complete.Add(partial);
                partial = null;
            }

            if (complete.Count >= lines || start <= 0 || back >= MaxTailBytes)
            {
                Emit(complete.Skip(Math.Max(0, complete.Count - lines)));
                if (partial is not null)
                {
                    // Following completes it.
                    _splitter.Add(System.Text.Encoding.UTF8.GetBytes(partial));
                }

                return frames[^1].Offset;
            }

            back = Math.Min(back * 4, MaxTailBytes);
        }
    }

    /// <summary>The current end of the file: the offset after its last byte (0 when empty).</summary>
    private async Task<long> EndOffsetAsync(LogRequest request, CancellationToken cancellationToken)
    {
        long end = 0;
        await foreach (var frame in nomad.StreamLogsAsync(new NomadLogRequest(allocationId, task, request.Type, false, NomadLogOrigin.End, 1), cancellationToken))
        {
            end = Math.Max(end, frame.Offset);
        }

        return end;
    }

    private void Emit(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (since is null || since.Accepts(line))
            {
                sink.WriteLine(prefix, line);
            }
        }
    }
}
