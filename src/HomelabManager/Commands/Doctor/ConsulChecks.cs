using HomelabManager.Clients.Consul;
using HomelabManager.Clients.Http;

namespace HomelabManager.Commands.Doctor;

/// <summary>Consul: reachable, leader, version.</summary>
internal static class ConsulChecks
{
    private const string Component = "Consul";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(IConsulClient consul, CancellationToken cancellationToken)
    {
        const string leaderHint = "the Consul servers have no leader: check that a majority of them run (consul members)";
        var checks = new List<DoctorCheck>();
        try
        {
            var leader = await consul.ReadLeaderAsync(cancellationToken);
            checks.Add(DoctorCheck.Passed(Component, "reachable", "the API answers"));
            checks.Add(leader.Length > 0
                ? DoctorCheck.Passed(Component, "leader", $"leader at {leader}")
                : DoctorCheck.Failed(Component, "leader", "no leader", leaderHint));
        }
        catch (ApiException exception) when (exception.Kind == ApiErrorKind.HttpStatus)
        {
            checks.Add(DoctorCheck.Passed(Component, "reachable", "the API answers"));
            checks.Add(DoctorCheck.Failed(Component, "leader", exception.Message, leaderHint));
        }
        catch (ApiException exception)
        {
            checks.Add(DoctorCheck.Failed(Component, "reachable", exception.Message,
                "start Consul, or point CONSUL_HTTP_ADDR (or --consul-addr) at it"));
            checks.Add(DoctorCheck.Skipped(Component, "version ≥ 1.18", "Consul is not reachable"));
            return checks;
        }

        const string hint = "upgrade Consul to 1.18 or later";
        try
        {
            var self = await consul.ReadAgentSelfAsync(cancellationToken);
            checks.Add(MinimumVersion.Check(Component, self.Config?.Version, MinimumVersion.Consul, hint));
        }
        catch (ApiException exception) when (exception.StatusCode == 403)
        {
            checks.Add(DoctorCheck.Failed(Component, "version ≥ 1.18", $"the token may not read the agent: {exception.Message}",
                "set CONSUL_HTTP_TOKEN to a token with agent:read (agent_prefix \"\" { policy = \"read\" })"));
        }

        return checks;
    }
}
