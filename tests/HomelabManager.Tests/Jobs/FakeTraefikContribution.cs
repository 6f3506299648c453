using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;

namespace HomelabManager.Tests.Jobs;

/// <summary>A stand-in for the reverse-proxy integration: Traefik-like Consul tags for public services.</summary>
internal sealed class FakeTraefikContribution : IJobContribution
{
    public void Contribute(JobContributionContext context)
    {
        if (context.PublicHostName is not { } host)
        {
            return;
        }

        var router = context.ConsulServiceName;
        context.ServiceTags.Add("traefik.enable=true");
        context.ServiceTags.Add($"traefik.http.routers.{router}.rule=Host(`{host}`)");
        if (context.Service.Auth)
        {
            context.ServiceTags.Add($"traefik.http.routers.{router}.middlewares=authelia@consulcatalog");
        }

        context.JobMeta["public-host"] = host;
    }
}

/// <summary>A contribution that adds a whole job and a config file.</summary>
internal sealed class FakeSidecarContribution : IJobContribution
{
    public void Contribute(JobContributionContext context)
    {
        context.Templates.Add(new NomadTemplate { DestPath = "local/extra.conf", EmbeddedTmpl = "x=1\n" });
        context.TaskEnv["EXTRA_CONFIG"] = "/local/extra.conf";
        context.AdditionalJobs.Add(new NomadJob
        {
            Id = $"{context.Service.Name}-exporter",
            Name = $"{context.Service.Name}-exporter",
            Type = "service",
            TaskGroups =
            [
                new NomadTaskGroup
                {
                    Name = "exporter",
                    Tasks = [new NomadTask { Name = "exporter", Driver = "docker", Config = new DockerTaskConfig { Image = "exporter:1" } }],
                },
            ],
        });
    }
}

/// <summary>A contribution that misbehaves by setting a reserved meta key.</summary>
internal sealed class ReservedMetaContribution : IJobContribution
{
    public void Contribute(JobContributionContext context) => context.JobMeta[JobMetaKeys.DefinitionHash] = "forged";
}
