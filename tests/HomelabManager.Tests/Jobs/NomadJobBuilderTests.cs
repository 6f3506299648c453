using System.Text.Json;
using HomelabManager.Definitions;
using HomelabManager.Jobs;
using HomelabManager.Jobs.Api;
using HomelabManager.Tests.NomadSchema;

namespace HomelabManager.Tests.Jobs;

public sealed class NomadJobBuilderTests
{
    private static readonly NomadJobBuilder Builder = new(ServiceExamples.Options);

    [Fact]
    public void Job_is_owned_and_named_after_the_service()
    {
        var job = Builder.Build(ServiceExamples.Nextcloud).Job;

        Assert.Equal("nextcloud", job.Id);
        Assert.Equal("nextcloud", job.Name);
        Assert.Equal("service", job.Type);
        Assert.Equal(["*"], job.Datacenters);
        Assert.Equal("homelab-manager", job.Meta![JobMetaKeys.ManagedBy]);
        Assert.Equal("0.1.0-test", job.Meta[JobMetaKeys.Version]);
        Assert.Equal(DefinitionFingerprint.Compute(ServiceExamples.Nextcloud), job.Meta[JobMetaKeys.DefinitionHash]);
        Assert.Equal(NomadJobBuilder.ComputeJobHash(job), job.Meta[JobMetaKeys.JobHash]);
    }

    [Fact]
    public void Options_set_datacenters_region_namespace_and_node_pool()
    {
        var options = ServiceExamples.Options with { Datacenters = ["home", "garage"], Region = "eu", Namespace = "lab", NodePool = "arm" };

        var job = new NomadJobBuilder(options).Build(ServiceExamples.Minimal).Job;

        Assert.Equal(["home", "garage"], job.Datacenters);
        Assert.Equal("eu", job.Region);
        Assert.Equal("lab", job.Namespace);
        Assert.Equal("arm", job.NodePool);
        NomadJobAssert.IsValidJob(NomadJobJson.Serialize(job));
    }

    [Fact]
    public void Static_and_dynamic_ports_map_to_the_container_port()
    {
        var group = Builder.Build(ServiceExamples.Pihole).Job.TaskGroups[0];
        var network = Assert.Single(group.Networks!);

        var dns = Assert.Single(network.ReservedPorts!);
        Assert.Equal(("p53_udp", 53, 53), (dns.Label, dns.Value, dns.To));
        var web = Assert.Single(network.DynamicPorts!);
        Assert.Equal(("http", (int?)null, 80), (web.Label, web.Value, web.To));
        Assert.Equal(["p53_udp", "http"], group.Tasks[0].Config.Ports);
    }

    [Fact]
    public void Consul_service_points_at_the_first_tcp_port_with_an_http_check_when_a_path_is_given()
    {
        var service = Assert.Single(Builder.Build(ServiceExamples.Pihole).Job.TaskGroups[0].Services!);

        Assert.Equal(("pihole", "consul", "http"), (service.Name, service.Provider, service.PortLabel));
        var check = Assert.Single(service.Checks!);
        Assert.Equal(("http", "/admin/"), (check.Type, check.Path));
    }

    [Fact]
    public void Without_health_path_the_check_is_tcp()
    {
        var check = Assert.Single(Builder.Build(ServiceExamples.Nextcloud).Job.TaskGroups[0].Services![0].Checks!);

        Assert.Equal("tcp", check.Type);
        Assert.Null(check.Path);
    }

    [Fact]
    public void Udp_only_service_registers_without_check_and_deploys_on_task_states()
    {
        var udpOnly = ServiceExamples.Minimal with
        {
            Container = new ContainerSpec { Image = "coredns/coredns:1.11", Ports = [new ContainerPort(53, 53, PortProtocol.Udp)] },
        };

        var group = Builder.Build(udpOnly).Job.TaskGroups[0];

        var service = Assert.Single(group.Services!);
        Assert.Equal("p53_udp", service.PortLabel);
        Assert.Null(service.Checks);
        Assert.Equal("task_states", group.Update!.HealthCheck);
    }

    [Fact]
    public void Service_without_ports_has_no_network_and_no_consul_service()
    {
        var group = Builder.Build(ServiceExamples.Minimal).Job.TaskGroups[0];

        Assert.Null(group.Networks);
        Assert.Null(group.Services);
        Assert.Null(group.Tasks[0].Config.Ports);
    }

    [Fact]
    public void Tcp_and_udp_on_the_same_ports_share_one_nomad_port()
    {
        var dns = ServiceExamples.Minimal with
        {
            Container = new ContainerSpec
            {
                Image = "dns",
                Ports = [new ContainerPort(53, 53, PortProtocol.Udp), new ContainerPort(53, 53, PortProtocol.Tcp)],
            },
        };

        var network = Assert.Single(Builder.Build(dns).Job.TaskGroups[0].Networks!);
        var port = Assert.Single(network.ReservedPorts!);
        Assert.Equal(("p53", 53, 53), (port.Label, port.Value, port.To));
    }

    [Fact]
    public void Same_static_host_port_for_different_container_ports_is_refused()
    {
        var twice = ServiceExamples.Minimal with
        {
            Container = new ContainerSpec
            {
                Image = "dns",
                Ports = [new ContainerPort(53, 53, PortProtocol.Udp), new ContainerPort(54, 53, PortProtocol.Tcp)],
            },
        };

        var error = Assert.Throws<InvalidOperationException>(() => Builder.Build(twice));
        Assert.Contains("host port 53 is reserved twice", error.Message);
    }

    [Fact]
    public void Invalid_port_name_is_refused()
    {
        var bad = ServiceExamples.Minimal with
        {
            Container = new ContainerSpec { Image = "x", Ports = [new ContainerPort(80, Name: "web-ui")] },
        };

        Assert.Throws<InvalidOperationException>(() => Builder.Build(bad));
    }

    [Fact]
    public void Volumes_become_host_volume_requests_and_mounts()
    {
        var group = Builder.Build(ServiceExamples.Jellyfin).Job.TaskGroups[0];

        var media = group.Volumes!["media"];
        Assert.Equal(("media", "host", "media", true), (media.Name, media.Type, media.Source, media.ReadOnly));
        Assert.False(group.Volumes["jellyfin-config"].ReadOnly);
        Assert.Equal(
            [("jellyfin-config", "/config", false), ("media", "/media", true)],
            group.Tasks[0].VolumeMounts!.Select(m => (m.Volume, m.Destination, m.ReadOnly ?? false)));
    }

    [Fact]
    public void Docker_config_carries_command_args_privileged_cap_add_and_the_task_user()
    {
        var task = Builder.Build(ServiceExamples.Jellyfin).Job.TaskGroups[0].Tasks[0];

        Assert.Equal("docker", task.Driver);
        Assert.Equal("1000:1000", task.User);
        Assert.Equal("/jellyfin/jellyfin", task.Config.Command);
        Assert.Equal(["--datadir", "/config", "--cachedir", "/cache"], task.Config.Args);
        Assert.True(task.Config.Privileged);
        Assert.Equal(["NET_ADMIN", "SYS_ADMIN"], task.Config.CapAdd);
        Assert.Equal((2000, 4096), (task.Resources!.Cpu, task.Resources.MemoryMB));
    }

    [Fact]
    public void Literal_env_stays_in_env_and_vault_values_never_do()
    {
        var task = Builder.Build(ServiceExamples.Nextcloud).Job.TaskGroups[0].Tasks[0];

        Assert.Equal(new Dictionary<string, string> { ["TZ"] = "Europe/Berlin" }, task.Env);
        Assert.Equal("nomad-workloads", task.Vault!.Role);
        var template = Assert.Single(task.Templates!);
        Assert.Equal(("secrets/vault.env", true, "restart"), (template.DestPath, template.Envvars, template.ChangeMode));
        Assert.Null(task.Identities);
    }

    [Fact]
    public void No_vault_reference_or_policies_appear_anywhere_in_the_json()
    {
        foreach (var name in new[] { "nextcloud", "pihole", "jellyfin", "minimal" })
        {
            var json = NomadJobJson.Serialize(Builder.Build(ServiceExamples.ByName(name)).Job);

            Assert.DoesNotContain("vault:", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Policies", json, StringComparison.Ordinal);
            Assert.DoesNotContain("VAULT_TOKEN", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Vault_identity_is_declared_only_when_asked()
    {
        var options = ServiceExamples.Options with { Vault = new VaultSecretOptions { DeclareIdentity = true, Role = null } };

        var task = new NomadJobBuilder(options).Build(ServiceExamples.Nextcloud).Job.TaskGroups[0].Tasks[0];

        var identity = Assert.Single(task.Identities!);
        Assert.Equal(("vault_default", 3_600_000_000_000L), (identity.Name, identity.Ttl!.Value.Nanoseconds));
        Assert.Equal(["vault.io"], identity.Audience);
        Assert.Null(task.Vault!.Role);
        NomadJobAssert.IsValidJob(NomadJobJson.Serialize(new NomadJobBuilder(options).Build(ServiceExamples.Nextcloud).Job));
    }

    [Fact]
    public void Every_duration_is_an_integer_of_nanoseconds()
    {
        var json = NomadJobJson.Serialize(Builder.Build(ServiceExamples.Pihole).Job);
        using var document = JsonDocument.Parse(json);
        var group = document.RootElement.GetProperty("TaskGroups")[0];

        Assert.Equal(10_000_000_000, group.GetProperty("Update").GetProperty("MinHealthyTime").GetInt64());
        Assert.Equal(300_000_000_000, group.GetProperty("Update").GetProperty("HealthyDeadline").GetInt64());
        Assert.Equal(600_000_000_000, group.GetProperty("Update").GetProperty("ProgressDeadline").GetInt64());
        Assert.Equal(1_800_000_000_000, group.GetProperty("RestartPolicy").GetProperty("Interval").GetInt64());
        Assert.Equal(3_600_000_000_000, group.GetProperty("ReschedulePolicy").GetProperty("MaxDelay").GetInt64());
        var check = group.GetProperty("Services")[0].GetProperty("Checks")[0];
        Assert.Equal(JsonValueKind.Number, check.GetProperty("Interval").ValueKind);
        Assert.Equal(2_000_000_000, check.GetProperty("Timeout").GetInt64());
        Assert.True(group.GetProperty("Update").GetProperty("AutoRevert").GetBoolean());
    }

    [Fact]
    public void Contribution_adds_traefik_like_tags_and_meta_for_public_services()
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options, [new FakeTraefikContribution()]);

        var built = builder.Build(ServiceExamples.Pihole);

        var service = Assert.Single(built.Job.TaskGroups[0].Services!);
        Assert.Equal(
            [
                "traefik.enable=true",
                "traefik.http.routers.pihole.rule=Host(`dns.home.example.com`)",
                "traefik.http.routers.pihole.middlewares=authelia@consulcatalog",
            ],
            service.Tags);
        Assert.Equal("dns.home.example.com", built.Job.Meta!["public-host"]);
        var json = NomadJobJson.Serialize(new NomadJobRegisterRequest { Job = built.Job });
        Assert.Contains("Host(`dns.home.example.com`)", json, StringComparison.Ordinal);
        NomadJobAssert.IsValidRegisterRequest(json);
    }

    [Fact]
    public void Contribution_is_not_applied_to_private_services()
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options, [new FakeTraefikContribution()]);

        var service = Assert.Single(builder.Build(ServiceExamples.Jellyfin).Job.TaskGroups[0].Services!);

        Assert.Null(service.Tags);
    }

    [Fact]
    public void Contribution_changes_the_job_hash_but_not_the_definition_hash()
    {
        var plain = Builder.Build(ServiceExamples.Nextcloud);
        var routed = new NomadJobBuilder(ServiceExamples.Options, [new FakeTraefikContribution()]).Build(ServiceExamples.Nextcloud);

        Assert.Equal(plain.DefinitionHash, routed.DefinitionHash);
        Assert.NotEqual(plain.Job.Meta![JobMetaKeys.JobHash], routed.Job.Meta![JobMetaKeys.JobHash]);
    }

    [Fact]
    public void Tool_version_alone_does_not_change_the_job_hash()
    {
        var older = new NomadJobBuilder(ServiceExamples.Options with { ToolVersion = "0.1.0" }).Build(ServiceExamples.Nextcloud).Job;
        var newer = new NomadJobBuilder(ServiceExamples.Options with { ToolVersion = "0.2.0" }).Build(ServiceExamples.Nextcloud).Job;

        Assert.Equal(older.Meta![JobMetaKeys.JobHash], newer.Meta![JobMetaKeys.JobHash]);
        Assert.NotEqual(older.Meta[JobMetaKeys.Version], newer.Meta[JobMetaKeys.Version]);
    }

    [Fact]
    public void Contribution_can_add_templates_env_and_whole_jobs()
    {
        var built = new NomadJobBuilder(ServiceExamples.Options, [new FakeSidecarContribution()]).Build(ServiceExamples.Nextcloud);

        var task = built.Job.TaskGroups[0].Tasks[0];
        Assert.Equal(["secrets/vault.env", "local/extra.conf"], task.Templates!.Select(t => t.DestPath));
        Assert.Equal("/local/extra.conf", task.Env!["EXTRA_CONFIG"]);
        var extra = Assert.Single(built.AdditionalJobs);
        Assert.Equal("nextcloud-exporter", extra.Id);
        NomadJobAssert.IsValidJob(NomadJobJson.Serialize(built.Job));
        NomadJobAssert.IsValidJob(NomadJobJson.Serialize(extra));
    }

    [Fact]
    public void Contribution_may_not_forge_ownership_meta()
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options, [new ReservedMetaContribution()]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(ServiceExamples.Nextcloud));
        Assert.Contains("reserved job meta key", error.Message);
    }

    [Fact]
    public void Contribution_tags_on_a_portless_service_are_refused()
    {
        var builder = new NomadJobBuilder(ServiceExamples.Options, [new FakeTraefikContribution()]);

        Assert.Throws<InvalidOperationException>(() => builder.Build(ServiceExamples.Minimal with { PublicAccess = true }));
    }

    [Fact]
    public void Constraints_go_to_the_group()
    {
        var constraint = Assert.Single(Builder.Build(ServiceExamples.Jellyfin).Job.TaskGroups[0].Constraints!);

        Assert.Equal(("${node.class}", "=", "media"), (constraint.LTarget, constraint.Operand, constraint.RTarget));
    }
}
