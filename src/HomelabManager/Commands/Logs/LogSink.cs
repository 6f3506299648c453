namespace HomelabManager.Commands.Logs;

/// <summary>
/// Where the lines of every followed allocation meet: one writer, whole lines only, each with its
/// allocation's prefix when several allocations are shown.
/// </summary>
internal sealed class LogSink(TextWriter output)
{
    private readonly Lock _lock = new();

    /// <summary>Writes one line (a newline is added).</summary>
    public void WriteLine(string prefix, string line)
    {
        lock (_lock)
        {
            output.Write(prefix);
            output.Write(line);
            output.Write('\n');
            output.Flush();
        }
    }
}
