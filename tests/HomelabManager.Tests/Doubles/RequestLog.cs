using System.Collections.Concurrent;

namespace HomelabManager.Tests.Doubles;

/// <summary>Every request a double received, in arrival order (thread-safe).</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>A snapshot of all requests.</summary>
    public IReadOnlyList<RecordedRequest> All => [.. _requests];

    /// <summary>How many requests had this method and path.</summary>
    public int Count(string method, string path) =>
        _requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>Requests whose path starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<RecordedRequest> WithPathPrefix(string prefix) =>
        [.. _requests.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    internal void Add(RecordedRequest request) => _requests.Enqueue(request);
}
