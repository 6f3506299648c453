using HomelabManager.Clients.Nomad;

namespace HomelabManager.Commands.Logs;

/// <summary>What <c>logs</c> was asked for, independent of the allocations it finds.</summary>
/// <param name="Service">The service (job) name.</param>
/// <param name="Task">The task to read; null = the allocation's only task, or the one named like the service.</param>
/// <param name="Type">stdout or stderr.</param>
/// <param name="Follow">Keep streaming until cancelled.</param>
/// <param name="Tail">Only the last N lines of each allocation (then follow from there).</param>
/// <param name="Since">Only allocations alive and lines dated within this window (see <see cref="SinceFilter"/>).</param>
internal sealed record LogRequest(string Service, string? Task, NomadLogType Type, bool Follow, int? Tail, TimeSpan? Since);
