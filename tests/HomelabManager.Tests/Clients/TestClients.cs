using System.Collections.Concurrent;
using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;
using HomelabManager.Clients.Vault;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.Doubles.Consul;
using HomelabManager.Tests.Doubles.Nomad;
using HomelabManager.Tests.Doubles.Vault;
using HomelabManager.Tests.Jobs;

namespace HomelabManager.Tests.Clients;

/// <summary>Clients pointed at doubles, with zero backoff so tests never sleep.</summary>
internal static class TestClients
{
    /// <summary>3 retries, no delay, 10 s attempts, trace into <paramref name="trace"/>.</summary>
    public static ApiClientOptions Fast(ConcurrentQueue<string>? trace = null, int retries = 3, TimeSpan? attemptTimeout = null) => new()
    {
        Retry = new ApiRetryOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.Zero,
            MaxDelay = TimeSpan.FromMilliseconds(1),
            UseJitter = false,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10),
        },
        Trace = trace is null ? null : trace.Enqueue,
    };

    public static NomadClient Nomad(NomadDouble nomad, string? token = null, ApiClientOptions? options = null, string? ns = null) =>
        new(new NomadSettings { Address = nomad.BaseAddress, Token = token, Namespace = ns }, options ?? Fast());

    public static ConsulClient Consul(ConsulDouble consul, string? token = null, ApiClientOptions? options = null) =>
        new(new ConsulSettings { Address = consul.BaseAddress, Token = token }, options ?? Fast());

    public static VaultClient Vault(VaultDouble vault, string? token = VaultDouble.RootToken, ApiClientOptions? options = null) =>
        new(new VaultSettings { Address = vault.BaseAddress, Token = token }, options ?? Fast());

    /// <summary>A generated job that passes the schema (the nextcloud example or another by name).</summary>
    public static NomadJob Job(string name = "minimal") =>
        new NomadJobBuilder(ServiceExamples.Options).Build(ServiceExamples.ByName(name)).Job;

    /// <summary>The register body for <paramref name="job"/>.</summary>
    public static NomadJobRegisterRequest Register(NomadJob job, ulong? enforceIndex = null) =>
        enforceIndex is { } index
            ? new NomadJobRegisterRequest { Job = job, EnforceIndex = true, JobModifyIndex = index }
            : new NomadJobRegisterRequest { Job = job };

    /// <summary>The job with another image (a destructive change).</summary>
    public static NomadJob WithImage(NomadJob job, string image) => job with
    {
        TaskGroups = [.. job.TaskGroups.Select(g => g with
        {
            Tasks = [.. g.Tasks.Select(t => t with { Config = t.Config with { Image = image } })],
        })],
    };
}
