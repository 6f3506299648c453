using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Secrets;

namespace HomelabManager.Tests.Jobs;

/// <summary>Service definitions used by the job tests, as the binder would produce them.</summary>
internal static class ServiceExamples
{
    /// <summary>Fixed options so baselines do not depend on the build's version.</summary>
    public static NomadJobBuilderOptions Options { get; } = new()
    {
        ToolVersion = "0.1.0-test",
        Domain = "home.example.com",
    };

    /// <summary>The seed example of SPEC §4: Vault env, a volume, public.</summary>
    public static ServiceDefinition Nextcloud { get; } = new()
    {
        Name = "nextcloud",
        Description = "Self-hosted file sync and share",
        Container = new ContainerSpec
        {
            Image = "nextcloud:latest",
            Ports = [new ContainerPort(80, 8080)],
        },
        Resources = new ResourceRequirements(1000, 2048),
        Volumes = [new ServiceVolume("nextcloud-data", "/var/www/html")],
        Env =
        [
            new EnvVariable("TZ", EnvValue.Literal("Europe/Berlin")),
            new EnvVariable("NEXTCLOUD_ADMIN_USER", EnvValue.FromVault(VaultReference.Parse("vault:secret/nextcloud#admin_user"))),
            new EnvVariable("NEXTCLOUD_ADMIN_PASSWORD", EnvValue.FromVault(VaultReference.Parse("vault:secret/nextcloud#admin_password"))),
        ],
        PublicAccess = true,
        SourcePath = "services/nextcloud/service.hcl",
    };

    /// <summary>DNS on static port 53 (UDP; the docker driver publishes TCP too) and a dynamic web port.</summary>
    public static ServiceDefinition Pihole { get; } = new()
    {
        Name = "pihole",
        Description = "Network-wide ad blocking DNS",
        Container = new ContainerSpec
        {
            Image = "pihole/pihole:2024.07.0",
            Ports =
            [
                new ContainerPort(53, 53, PortProtocol.Udp),
                new ContainerPort(80, Name: "http"),
            ],
            CapAdd = ["NET_ADMIN"],
        },
        Resources = new ResourceRequirements(200, 256),
        Volumes = [new ServiceVolume("pihole-etc", "/etc/pihole")],
        Env =
        [
            new EnvVariable("TZ", EnvValue.Literal("Europe/Berlin")),
            new EnvVariable("FTLCONF_webserver_api_password", EnvValue.FromVault(VaultReference.Parse("vault:secret/pihole#web-password"))),
        ],
        Health = new HealthCheckSpec("/admin/"),
        PublicAccess = true,
        Subdomain = "dns",
        Auth = true,
    };

    /// <summary>Only an image: no ports, so no network, no Consul service.</summary>
    public static ServiceDefinition Minimal { get; } = new()
    {
        Name = "minimal",
        Container = new ContainerSpec { Image = "busybox:1.36" },
    };

    /// <summary>Health path, command and args, user, cap_add, privileged, a read-only volume, constraints, count.</summary>
    public static ServiceDefinition Jellyfin { get; } = new()
    {
        Name = "jellyfin",
        Container = new ContainerSpec
        {
            Image = "jellyfin/jellyfin:10.9.11",
            Ports = [new ContainerPort(8096, Name: "http")],
            Command = "/jellyfin/jellyfin",
            Args = ["--datadir", "/config", "--cachedir", "/cache"],
            User = "1000:1000",
            Privileged = true,
            CapAdd = ["SYS_ADMIN", "NET_ADMIN"],
        },
        Resources = new ResourceRequirements(2000, 4096),
        Volumes =
        [
            new ServiceVolume("media", "/media", ReadOnly: true),
            new ServiceVolume("jellyfin-config", "/config"),
        ],
        Env =
        [
            new EnvVariable("JELLYFIN_PublishedServerUrl", EnvValue.Literal("https://jellyfin.home.example.com")),
            new EnvVariable("GREETING", EnvValue.Literal("say \"hi\" to ${USER} and %{x} \\ done")),
        ],
        Health = new HealthCheckSpec("/health"),
        Count = 2,
        DependsOn = ["postgres"],
        Constraints = [new NodeConstraint("${node.class}", "=", "media")],
    };

    /// <summary>The examples by name (for theories, whose parameters must be public types).</summary>
    public static ServiceDefinition ByName(string name) => name switch
    {
        "nextcloud" => Nextcloud,
        "pihole" => Pihole,
        "minimal" => Minimal,
        "jellyfin" => Jellyfin,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such example"),
    };
}
