namespace HomelabManager.Tests.Doubles.Nomad;

/// <summary>The content of one task log file (<c>alloc/logs/&lt;task&gt;.&lt;type&gt;.0</c>) that a test supplies and can append to.</summary>
internal sealed class NomadLogSource
{
    private readonly Lock _lock = new();
    private readonly List<byte> _bytes = [];
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NomadLogSource(string file)
    {
        File = file;
    }

    /// <summary>Path reported in frames.</summary>
    public string File { get; }

    /// <summary>True once <see cref="Close"/> was called: followed streams end (a real agent never ends them).</summary>
    public bool Closed { get; private set; }

    /// <summary>Adds text (UTF-8) at the end.</summary>
    public void Append(string text)
    {
        lock (_lock)
        {
            _bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text));
            Wake();
        }
    }

    /// <summary>Ends followed streams.</summary>
    public void Close()
    {
        lock (_lock)
        {
            Closed = true;
            Wake();
        }
    }

    /// <summary>Bytes from <paramref name="offset"/>, the current length and a task that completes on the next change.</summary>
    public (byte[] Bytes, long Length, Task Changed) Read(long offset)
    {
        lock (_lock)
        {
            var start = (int)Math.Clamp(offset, 0, _bytes.Count);
            return (_bytes.Skip(start).ToArray(), _bytes.Count, _appended.Task);
        }
    }

    private void Wake()
    {
        var previous = _appended;
        _appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
