using System.Text.RegularExpressions;
using HomelabManager.Tests.Doubles;

namespace HomelabManager.Bench.Cluster;

/// <summary>Requests a double received during one command, counted per endpoint (job and secret names folded).</summary>
internal sealed partial class RequestTally
{
    private readonly (string Name, RequestLog Log, int Before)[] _logs;

    private RequestTally((string Name, RequestLog Log, int Before)[] logs) => _logs = logs;

    /// <summary>Starts counting on each named log from now.</summary>
    public static RequestTally Start(params (string Name, RequestLog Log)[] logs) =>
        new([.. logs.Select(l => (l.Name, l.Log, l.Log.All.Count))]);

    /// <summary>Requests since <see cref="Start"/>, per <c>double METHOD endpoint</c>, most frequent first.</summary>
    public IReadOnlyList<(string Endpoint, int Count)> Stop() =>
        [.. _logs
            .SelectMany(l => l.Log.All.Skip(l.Before).Select(r => $"{l.Name} {r.Method} {Endpoint(r.Path)}"))
            .GroupBy(e => e, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(e => e.Item2)
            .ThenBy(e => e.Key, StringComparer.Ordinal)];

    /// <summary><c>/v1/job/svc-12/plan</c> → <c>/v1/job/:id/plan</c>; <c>/v1/secret/data/svc-3</c> → <c>/v1/secret/data/:path</c>.</summary>
    private static string Endpoint(string path)
    {
        path = JobPath().Replace(path, "/v1/job/:id");
        return SecretPath().Replace(path, "/v1/secret/data/:path");
    }

    [GeneratedRegex("^/v1/job/[^/]+")]
    private static partial Regex JobPath();

    [GeneratedRegex("^/v1/secret/data/.+")]
    private static partial Regex SecretPath();
}
