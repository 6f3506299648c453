using HomelabManager.Clients.Http;
using HomelabManager.Clients.Nomad;

namespace HomelabManager.Commands.Doctor;

/// <summary>Nomad: reachable, leader, version, token rights, docker driver on a client, dynamic host volumes.</summary>
internal static class NomadChecks
{
    private const string Component = "Nomad";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(INomadClient nomad, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        try
        {
            var leader = await nomad.ReadLeaderAsync(cancellationToken);
            checks.Add(DoctorCheck.Passed(Component, "reachable", "the API answers"));
            checks.Add(leader.Length > 0
                ? DoctorCheck.Passed(Component, "leader", $"leader at {leader}")
                : DoctorCheck.Failed(Component, "leader", "no leader", LeaderHint));
        }
        catch (ApiException exception) when (exception.Kind == ApiErrorKind.HttpStatus)
        {
            checks.Add(DoctorCheck.Passed(Component, "reachable", "the API answers"));
            checks.Add(DoctorCheck.Failed(Component, "leader", Reason(exception), LeaderHint));
        }
        catch (ApiException exception)
        {
            checks.Add(DoctorCheck.Failed(Component, "reachable", exception.Message,
                "start Nomad, or point NOMAD_ADDR (or --nomad-addr) at it; with TLS also set NOMAD_CACERT"));
            foreach (var name in new[] { "version ≥ 1.10", "token rights", "docker driver", "host volumes" })
            {
                checks.Add(DoctorCheck.Skipped(Component, name, "Nomad is not reachable"));
            }

            return checks;
        }

        checks.AddRange(await Task.WhenAll(
            VersionAsync(nomad, cancellationToken),
            TokenAsync(nomad, cancellationToken),
            DockerAsync(nomad, cancellationToken),
            HostVolumesAsync(nomad, cancellationToken)));
        return checks;
    }

    private const string LeaderHint = "the Nomad servers have no leader: check that a majority of them run (nomad server members)";

    private static async Task<DoctorCheck> VersionAsync(INomadClient nomad, CancellationToken cancellationToken)
    {
        const string hint = "upgrade Nomad to 1.10 or later (workload identity for Vault, dynamic host volumes)";
        try
        {
            var self = await nomad.ReadAgentSelfAsync(cancellationToken);
            return MinimumVersion.Check(Component, self.Config?.Version?.Version, MinimumVersion.Nomad, hint);
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            return DoctorCheck.Failed(Component, "version ≥ 1.10", $"the token may not read the agent: {Reason(exception)}",
                "give NOMAD_TOKEN a policy with agent { policy = \"read\" }, or use a management token");
        }
    }

    private static async Task<DoctorCheck> TokenAsync(INomadClient nomad, CancellationToken cancellationToken)
    {
        try
        {
            var jobs = await nomad.ListJobsAsync(includeMeta: false, cancellationToken: cancellationToken);
            return DoctorCheck.Passed(Component, "token rights", $"the token can list jobs ({jobs.Value.Count} visible)");
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            return DoctorCheck.Failed(Component, "token rights", $"the token may not list jobs: {Reason(exception)}",
                "set NOMAD_TOKEN to a token whose policy allows namespace capabilities read-job, submit-job, read-logs and read-fs (or a management token)");
        }
    }

    private static async Task<DoctorCheck> DockerAsync(INomadClient nomad, CancellationToken cancellationToken)
    {
        const string name = "docker driver";
        IReadOnlyList<NomadNodeListStub> nodes;
        try
        {
            nodes = await nomad.ListNodesAsync(cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            return DoctorCheck.Failed(Component, name, $"the token may not list nodes: {Reason(exception)}",
                "give NOMAD_TOKEN a policy with node { policy = \"read\" }");
        }

        var clients = nodes.Where(n => n.Status == "ready").ToList();
        var healthy = clients
            .Where(n => n.Drivers is not null && n.Drivers.TryGetValue("docker", out var docker) && docker.Detected && docker.Healthy)
            .Select(n => n.Name)
            .ToList();
        if (healthy.Count > 0)
        {
            return DoctorCheck.Passed(Component, name, $"healthy on {healthy.Count} of {clients.Count} ready client nodes ({string.Join(", ", healthy)})");
        }

        var found = nodes.Count == 0
            ? "no client nodes are registered"
            : string.Join("; ", nodes.Select(n => $"{n.Name} ({n.Status}): " + (n.Drivers?.GetValueOrDefault("docker") is { } docker
                ? docker.HealthDescription.Length > 0 ? docker.HealthDescription : docker.Detected ? "unhealthy" : "not detected"
                : "no docker driver")));
        return DoctorCheck.Failed(Component, name, found,
            "install and start Docker on a Nomad client and make sure the Nomad agent may use it (nomad node status -verbose shows driver health)");
    }

    private static async Task<DoctorCheck> HostVolumesAsync(INomadClient nomad, CancellationToken cancellationToken)
    {
        const string name = "host volumes";
        try
        {
            var volumes = await nomad.ListHostVolumesAsync(cancellationToken: cancellationToken);
            return DoctorCheck.Passed(Component, name, $"dynamic host volumes are available ({volumes.Count} exist)");
        }
        catch (ApiException exception) when (exception.StatusCode is 404 or 405)
        {
            return DoctorCheck.Failed(Component, name, "this Nomad has no dynamic host volume API",
                "upgrade Nomad to 1.10 or later; services with volumes need dynamic host volumes");
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            return DoctorCheck.Failed(Component, name, $"the token may not list host volumes: {Reason(exception)}",
                "give NOMAD_TOKEN a policy with namespace capabilities host-volume-read and host-volume-create (or a management token)");
        }
    }

    private static string Reason(ApiException exception) =>
        exception.ServerMessage.Length > 0 ? exception.ServerMessage : exception.Message;
}
